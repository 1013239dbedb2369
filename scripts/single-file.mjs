// Post-build step: make debt-evidence-kit.html, the whole app in one file that
// runs from file:// (saved to the phone, opened from a USB stick, sent as a
// file): the JS glue of Trunk's unsplit build (chunks could not be fetched
// from file://) inlined with its `export`s removed, its wasm deflate-compressed
// (DecompressionStream unpacks it) as base-122 text (base122.mjs; 8/7 of the
// bytes where base64 takes 4/3), every stylesheet inlined as <style>. Its own strict CSP: scripts and styles only
// by sha256 hash, connect-src 'none', no service worker, no manifest.
// Run by post-build.mjs: node scripts/single-file.mjs DIR GLUE.js GLUE_bg.wasm
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { decode122, encode122 } from './base122.mjs';
import { minifyJs } from './minify.mjs';
import { pageCssHash } from './page-css.mjs';

const OUT = 'debt-evidence-kit.html';
const [dir, gluePath, wasmPath] = process.argv.slice(2);
if (!wasmPath) throw new Error('usage: single-file.mjs DIR GLUE.js GLUE_bg.wasm');
let html = readFileSync(join(dir, 'index.html'), 'utf8');

const fail = (msg) => { throw new Error(`single-file: ${msg}`); };
const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const local = (href) => {
  if (!/^\.?\/?[\w.-]+$/.test(href)) fail(`unexpected asset path ${href}`);
  return join(dir, href.replace(/^\.?\//, ''));
};
// Text that would end or confuse the element it is inlined into.
const checkInline = (text, tag, what) => {
  if (new RegExp(`</${tag}`, 'i').test(text) || /<!--|<script/i.test(text)) fail(`${what} can't be inlined in <${tag}>`);
};

// Trunk's loader, replaced below.
const loaderRe = /<script type="module">([\s\S]*?)<\/script>/;
if (!loaderRe.test(html)) fail('loader script not found');

// The glue, as a plain module body.
let glue = readFileSync(local(gluePath), 'utf8');
if (/^\s*import\b/m.test(glue)) fail('glue imports other files (snippets?): inline them first');
glue = glue
  .replace(/^export \{[^}]*\};?\s*$/gm, '')
  .replace(/^export default [^;]*;?\s*$/gm, '')
  .replace(/^export (?=(async )?(function|class|const|let|var)\b)/gm, '');
if (/^\s*export\b/m.test(glue)) fail('an export statement was left in the glue');
if (!/function initSync\b/.test(glue)) fail('initSync not found in the glue');

const wasm = readFileSync(local(wasmPath));
const packed = deflateRawSync(wasm, { level: 9 });
const OLD_BROWSER = '这个单文件版需要较新的浏览器（Chrome 或 Edge 103、Safari 16.4、Firefox 113 或更新版本）。请更新浏览器，或用网址打开本工具。'
  + ' This single-file copy needs a newer browser (Chrome or Edge 103, Safari 16.4, Firefox 113 or later). Update the browser, or open the tool from its web address.';
// In a block: the glue has top-level names of its own (`wasm`, …). The data,
// as base-122 text, is declared ahead of the minified code (the minifier
// would fold a literal into the decoder).
const minified = await minifyJs(`${glue}
${decode122.toString()}
{
  let wasm;
  try {
    const bytes = decode122(DEK_WASM, ${packed.length});
    wasm = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  } catch (e) {
    // No DecompressionStream("deflate-raw"): say so instead of a blank page.
    document.body.textContent = ${JSON.stringify(OLD_BROWSER)};
    throw e;
  }
  initSync({ module: await new Response(wasm).arrayBuffer() });
}
`);
if (!minified.includes('DEK_WASM')) fail('the minifier renamed DEK_WASM');
const script = `const DEK_WASM = "${encode122(packed)}";\n${minified}`;
checkInline(script, 'script', 'the JS glue');

// Out: Trunk's loader, the preloads of the glue and wasm, the manifest, the
// service-worker registration, comments. Then the blank lines they leave.
html = html
  .replace(loaderRe, '')
  .replace(/<link rel="(modulepreload|preload|manifest)"[^>]*>/g, '')
  .replace(/<script src="[^"]*"[^>]*><\/script>/g, '')
  .replace(/<!--[\s\S]*?-->/g, '')
  .replace(/\n(\s*\n)+/g, '\n')
  .replace(/>\s*<\/head>/, '>\n  </head>');

// Stylesheets, in their order, as <style> (keeping a media attribute).
// index.html's inline guard (neutral title) stays, allowed by its hash.
const guards = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

const styleHashes = [];
html = html.replace(/<link rel="stylesheet"([^>]*)>/g, (_, attrs) => {
  const href = attrs.match(/href="([^"]+)"/)?.[1] ?? fail('stylesheet without href');
  const media = attrs.match(/media="([^"]+)"/)?.[1];
  const css = readFileSync(local(href), 'utf8');
  checkInline(css, 'style', href);
  if (/url\(\s*['"]?(?!data:)/i.test(css)) fail(`${href} refers to another file with url()`);
  styleHashes.push(sha(css));
  return `<style${media ? ` media="${media}"` : ''}>${css}</style>`;
});
html = html.replace('</body>', () => `<script type="module">${script}</script>\n  </body>`);


const csp = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${[...guards, script].map(sha).join(' ')}`,
  `style-src ${[...styleHashes, pageCssHash()].join(' ')}`,
  'img-src data: blob:',
  "font-src 'none'",
  "connect-src 'none'",
  "manifest-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
const cspRe = /<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>/;
if (!cspRe.test(html)) fail('CSP meta not found in index.html');
html = html.replace(cspRe, () => `<meta http-equiv="Content-Security-Policy" content="${csp}" />`);

// Nothing may still point at another file.
const leftover = html.match(/<(script|link)\b[^>]*\b(src|href)="(?!data:)[^"]*"[^>]*>/);
if (leftover) fail(`still refers to another file: ${leftover[0]}`);
if ((html.match(/<script\b/g) || []).length !== guards.length + 1) fail(`unexpected <script>s: ${html.match(/<script\b[^>]*>/g)}`);

writeFileSync(join(dir, OUT), html);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`single-file: ${OUT} ${kb(Buffer.byteLength(html))} raw, ${kb(gzipSync(html, { level: 9 }).length)} gzip -9`);
