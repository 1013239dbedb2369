// Trunk post-build hook: hash every inline <script> of index.html and put the
// hashes into the CSP meta tag in place of 'sha256-TRUNK-LOADER', and allow
// the pages' own <style> by its hash (page-css.mjs). Fails the build if a
// placeholder is missing, so the policy can't silently loosen.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageCssHash } from './page-css.mjs';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('TRUNK_STAGING_DIR not set');
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
if (!html.includes("'sha256-TRUNK-LOADER'")) throw new Error('CSP placeholder missing in index.html');
html = html.replace("'sha256-TRUNK-LOADER'", hashes.join(' ') || "'none'");
if (!html.includes("style-src 'self';")) throw new Error("CSP style-src 'self' missing in index.html");
html = html.replace("style-src 'self';", `style-src 'self' ${pageCssHash()};`);
writeFileSync(file, html);
console.log(`csp-hash: ${hashes.length} inline script(s) hashed`);
