// The one Trunk post_build hook. Trunk starts all hooks of a stage at the same
// time, so steps that must follow each other run from here, in order:
//   1. csp-hash.mjs     hashes index.html's inline scripts into its CSP
//   2. sw-manifest.mjs  lists the build's files (index.html final) in sw.js
//   3. single-file.mjs  debt-evidence-kit.html (release builds only)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const steps = ['csp-hash.mjs', 'sw-manifest.mjs'];
if ((process.env.TRUNK_PROFILE || 'release') === 'release') steps.push('single-file.mjs');
for (const step of steps) {
  execFileSync(process.execPath, [join(here, step), ...process.argv.slice(2)], { stdio: 'inherit' });
}
