// Post-build step: write this build's file list, with content hashes, into
// sw.js. The cache version is a hash of that list, so each build gets its own
// cache and the service worker deletes the older ones when it takes over.
// Run after csp-hash.mjs (it changes index.html). Usage:
//   TRUNK_STAGING_DIR=dir node scripts/sw-manifest.mjs   or   node scripts/sw-manifest.mjs dir
// In a debug build (TRUNK_PROFILE=debug, `trunk serve`) the worker precaches
// nothing and passes every request to the network, so development isn't
// served stale files.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('TRUNK_STAGING_DIR not set');
const release = (process.env.TRUNK_PROFILE || 'release') === 'release';

// Not precached: the worker itself, and the single-file copy (a download, not part of the site).
const SKIP = new Set(['sw.js', 'debt-evidence-kit.html']);

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(dir)
  .map((p) => relative(dir, p).split(sep).join('/'))
  .filter((p) => !SKIP.has(p))
  .sort()
  .map((path) => ({
    path,
    sha256: createHash('sha256').update(readFileSync(join(dir, path))).digest('base64'),
  }));
if (!files.some((f) => f.path === 'index.html')) throw new Error(`no index.html in ${dir}`);

const list = files.map((f) => `${f.path} ${f.sha256}`).join('\n');
const version = createHash('sha256').update(list).digest('hex').slice(0, 16);
const build = { version, precache: release, files };

const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8');
const marker = /\/\*BUILD\*\/[\s\S]*?\/\*END-BUILD\*\//;
if (!marker.test(sw)) throw new Error('sw.js: /*BUILD*/…/*END-BUILD*/ marker missing');
writeFileSync(swPath, sw.replace(marker, () => `/*BUILD*/${JSON.stringify(build, null, 1)}/*END-BUILD*/`));
console.log(`sw-manifest: ${files.length} file(s), cache version ${version}${release ? '' : ' (debug: no precache)'}`);
