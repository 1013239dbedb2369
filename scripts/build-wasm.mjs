// Builds the site's wasm split per page group into a folder, since Trunk
// cannot split wasm (trunk-rs/trunk#1022). Run by scripts/post-build.mjs in
// release builds, or directly: node scripts/build-wasm.mjs OUT_DIR.
//
// cargo with feature `split` and `--emit-relocs` (own target dir, so the flags
// never invalidate other builds) → wasm-split-cli (the chunking tool
// cargo-leptos uses; installed by scripts/setup.sh) → wasm-bindgen
// --keep-lld-exports → wasm-opt -Oz on every module → terser on the JS. Every output name carries
// one build hash (glue and split loader import each other, so they can't each
// be named by their own content). Returns (and, run directly, prints) the
// entry files: {"glue": "...js", "wasm": "..._bg.wasm", "preload": ["...js"]}.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyFile } from './minify.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NAME = 'debt-evidence-kit';
const SPLIT_LOADER = '__wasm_split.js';
const bin = (tool) => join(process.env.HOME || '', '.cargo/bin', tool);
const tool = (name) => (existsSync(bin(name)) ? bin(name) : name);
// Tool output goes to stderr: stdout is the caller's.
const run = (cmd, args, env = process.env) => execFileSync(cmd, args, { stdio: ['ignore', 2, 2], env, cwd: root });

export async function buildWasm(out) {
  if (!out) throw new Error('usage: build-wasm.mjs OUT_DIR');

  // 1. cargo. The splitter needs the linker's relocations to move code between modules.
  const targetDir = join(root, 'target', 'split');
  const env = { ...process.env, RUSTFLAGS: `${process.env.RUSTFLAGS || ''} -Clink-args=--emit-relocs`.trim() };
  run('cargo', ['build', '--locked', '--release', '--target', 'wasm32-unknown-unknown', '--bin', NAME,
    '--features', 'split', '--target-dir', targetDir], env);
  const built = join(targetDir, 'wasm32-unknown-unknown', 'release', `${NAME}.wasm`);

  // 2. split, 3. bindgen
  const work = join(root, 'target', 'split-out');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  run(tool('wasm-split-cli'), [built, work, '--target', 'web', '--out-name', NAME]);
  const main = join(work, `${NAME}.wasm`);
  run(tool('wasm-bindgen'), ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--no-demangle',
    '--out-name', NAME, '--out-dir', work, main]);
  rmSync(main);

  // 4. wasm-opt every module (the features the Rust target emits).
  const modules = readdirSync(work).filter((f) => f.endsWith('.wasm'));
  const features = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue']
    .map((f) => `--enable-${f}`);
  for (const m of modules) {
    const p = join(work, m);
    const opt = spawnSync(join(root, 'node_modules/.bin/wasm-opt'), ['-Oz', ...features, p, '-o', p], { encoding: 'utf8' });
    // Binaryen 132 warns about every split module's name subsection 3 (names it drops anyway).
    const noise = /^warning: unknown name subsection with id 3 at \d+$/;
    const said = `${opt.stdout}${opt.stderr}`.split('\n').filter((l) => l && !noise.test(l));
    if (said.length) process.stderr.write(`${said.join('\n')}\n`);
    if (opt.status !== 0) throw new Error(`wasm-opt failed on ${m}`);
  }

  // 5. one build hash in every name, and the references between files.
  const hash = createHash('sha256');
  for (const f of readdirSync(work).sort()) hash.update(f).update(readFileSync(join(work, f)));
  const h = hash.digest('hex').slice(0, 16);
  const named = (file) => file.replace(/(\.js|_bg\.wasm|\.wasm)$/, `-${h}$1`);
  const glue = `${NAME}.js`;
  const files = readdirSync(work);
  // The glue's import statements only: its imports object keeps the wasm's module name.
  const from = `from "./${SPLIT_LOADER}"`;
  const glueText = readFileSync(join(work, glue), 'utf8');
  if (!glueText.includes(from)) throw new Error(`glue does not import ./${SPLIT_LOADER}`);
  writeFileSync(join(work, glue), glueText.split(from).join(`from "./${named(SPLIT_LOADER)}"`));
  let loader = readFileSync(join(work, SPLIT_LOADER), 'utf8');
  for (const file of [glue, ...modules.filter((m) => m !== `${NAME}_bg.wasm`)]) {
    const ref = `"./${file}"`;
    if (!loader.includes(ref)) throw new Error(`${SPLIT_LOADER} does not refer to ${file}`);
    loader = loader.split(ref).join(`"./${named(file)}"`);
  }
  writeFileSync(join(work, SPLIT_LOADER), loader);
  await minifyFile(join(work, glue));
  await minifyFile(join(work, SPLIT_LOADER));

  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(work)) copyFileSync(join(work, f), join(out, named(f)));
  const entry = { glue: named(glue), wasm: named(`${NAME}_bg.wasm`), preload: [named(SPLIT_LOADER)] };
  return entry;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await buildWasm(process.argv[2])));
}
