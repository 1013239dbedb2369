// Minifies JavaScript for release builds with terser: the wasm-bindgen glue,
// the split loader, sw-register.js and the single file's script. About 40 % of
// their gzip size; names that other files import (exports) are kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const OPTIONS = { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } };

/** Minified `code`; `module: false` for a classic script. */
export async function minifyJs(code, { module = true } = {}) {
  const out = await minify(code, { ...OPTIONS, module });
  if (typeof out.code !== 'string') throw new Error('terser returned no code');
  return out.code;
}

export async function minifyFile(path, options) {
  writeFileSync(path, await minifyJs(readFileSync(path, 'utf8'), options));
}
