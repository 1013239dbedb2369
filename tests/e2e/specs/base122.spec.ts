// The text codec that carries the single file's wasm (scripts/base122.mjs):
// pure, so tested in Node; the single-file tests in offline.spec.ts run it in
// Chromium from file://.
import { test, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
// @ts-ignore: plain ES module without types
import { encode122, decode122 } from '../../../scripts/base122.mjs';

const FORBIDDEN = /["\\\n\r<\0]/;

test('round trip at every length around group boundaries, and random data', () => {
  for (let n = 0; n <= 64; n++) {
    for (let t = 0; t < 8; t++) {
      const bytes = randomBytes(n);
      const text = encode122(bytes);
      expect(FORBIDDEN.test(text)).toBe(false);
      expect(Buffer.from(decode122(text, n)).equals(bytes)).toBe(true);
    }
  }
  const big = randomBytes(200_000);
  const text = encode122(big);
  expect(Buffer.from(decode122(text, big.length)).equals(big)).toBe(true);
  // 8/7 of the bytes in UTF-8, against base64's 4/3.
  expect(Buffer.byteLength(text, 'utf8') / big.length).toBeLessThan(1.15);
});

test('runs of every value a string literal in <script> cannot hold', () => {
  for (const v of [0, 10, 13, 34, 60, 92, 127, 255]) {
    for (const n of [1, 7, 8, 100]) {
      const bytes = Buffer.alloc(n, v);
      const text = encode122(bytes);
      expect(FORBIDDEN.test(text)).toBe(false);
      expect(Buffer.from(decode122(text, n)).equals(bytes)).toBe(true);
    }
  }
});
