// The one Trunk post_build hook. Trunk starts all hooks of a stage at the same
// time, so steps that must follow each other run from here, in order. Release:
//   1. single-file.mjs  debt-evidence-kit.html from Trunk's unsplit build,
//                       whose files then leave the site
//   2. build-wasm.mjs   the site's wasm, split per page group, and its loader in
//                       place of Trunk's (Trunk cannot split wasm); all JS minified
//   3. csp-hash.mjs     hashes index.html's inline scripts into its CSP
//   4. sw-manifest.mjs  lists the build's files (index.html final) in sw.js
// Debug (`trunk serve`): Trunk's unsplit build as it is, then 3 and 4.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { buildWasm } from './build-wasm.mjs';
import { minifyFile } from './minify.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('TRUNK_STAGING_DIR not set');
const release = (process.env.TRUNK_PROFILE || 'release') === 'release';
const step = (name, ...args) => execFileSync(process.execPath, [join(here, name), dir, ...args], { stdio: 'inherit' });

if (release) {
  const indexPath = join(dir, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  // Trunk's loader and preloads of its unsplit glue and wasm.
  const trunkLoader = /<script type="module">\s*import init, \* as bindings from '\.\/([\w.-]+\.js)';\s*const wasm = await init\(\{ module_or_path: '\.\/([\w.-]+\.wasm)' \}\);[\s\S]*?<\/script>/;
  const found = html.match(trunkLoader);
  if (!found) throw new Error("Trunk's loader not found in index.html");
  const [, trunkGlue, trunkWasm] = found;
  step('single-file.mjs', trunkGlue, trunkWasm);
  rmSync(join(dir, trunkGlue));
  rmSync(join(dir, trunkWasm));

  const entry = await buildWasm(dir);
  // Parsed before the app starts, on every visit.
  await minifyFile(join(dir, 'sw-register.js'), { module: false });
  const preloads = /<link rel="(modulepreload|preload)" href="\.\/[\w.-]+"[^>]*>/g;
  // The main wasm compiles while the page is still parsing and fetching its
  // styles and glue, not after: a classic script, first in <head> after the
  // CSP, so it starts the fetch early and waits for no stylesheet. Should
  // streaming compilation fail (say, a host serving .wasm with the wrong
  // type), the glue gets the path and does its own fetch with its fallbacks.
  const wasmPath = `./${entry.wasm}`;
  const compileEarly = `<script>window.dekWasm = WebAssembly.compileStreaming ? WebAssembly.compileStreaming(fetch('${wasmPath}')).catch(function () { return '${wasmPath}'; }) : '${wasmPath}';</script>\n    `;
  // The split loader the glue imports is fetched alongside the glue.
  const loader = [
    `<link rel="modulepreload" href="./${entry.glue}" />`,
    ...entry.preload.map((f) => `<link rel="modulepreload" href="./${f}" />`),
    `<script type="module">import init from './${entry.glue}'; await init({ module_or_path: window.dekWasm }); window.dekStarted = true; dispatchEvent(new Event('dek-started'));</script>`,
  ].map((line) => `    ${line}\n`).join('');
  html = html.replace(trunkLoader, '').replace(preloads, '').replace(/\s*<\/head>/, () => `\n${loader}  </head>`);
  const csp = html.match(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/);
  if (!csp) throw new Error('no CSP meta in index.html');
  const afterCsp = csp.index + csp[0].length;
  html = html.slice(0, afterCsp) + compileEarly + html.slice(afterCsp);
  if (html.includes(trunkGlue) || html.includes(trunkWasm)) throw new Error("index.html still refers to Trunk's build");
  writeFileSync(indexPath, html);
}
step('csp-hash.mjs');
step('sw-manifest.mjs');
