// The CSP hash of the pages' own styles, which src/ui/lazy.rs inserts as one
// <style> (PAGE_CSS: the style files it include_str!s, in that order). Read
// from lazy.rs itself, so the list has one home; if the two ever differ, the
// browser refuses the style and the e2e suite fails on the CSP violation.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function pageCssHash() {
  const lazy = readFileSync(join(root, 'src/ui/lazy.rs'), 'utf8');
  const block = lazy.match(/const PAGE_CSS: &str = concat!\(([\s\S]*?)\);/)?.[1];
  const files = [...(block ?? '').matchAll(/include_str!\("\.\.\/\.\.\/(style\/[\w-]+\.css)"\)/g)].map((m) => m[1]);
  if (files.length === 0) throw new Error('PAGE_CSS not found in src/ui/lazy.rs');
  const css = files.map((f) => readFileSync(join(root, f), 'utf8')).join('');
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}
