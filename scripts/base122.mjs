// Bytes as text for a JS string literal in an HTML page, 8/7 of the size
// (base64: 4/3), in the manner of Kevin Albertson's "base-122": the bits
// are read 7 at a time and each group is one ASCII character, except the six
// values a "…" literal inside <script> can't hold as they are (NUL, LF, CR,
// ", <, \). Such a group and the group after it become one two-byte
// character, U+0100 + (index of the group in ILLEGAL << 7) + the next group.
// The single file (single-file.mjs) carries its wasm this way.

const ILLEGAL = [0, 10, 13, 34, 60, 92];

/** Text for `bytes` (a Uint8Array or Buffer). */
export function encode122(bytes) {
  const groups = [];
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 7) {
      bits -= 7;
      groups.push((acc >> bits) & 127);
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) groups.push((acc << (7 - bits)) & 127);
  const out = [];
  for (let i = 0; i < groups.length; i++) {
    const k = ILLEGAL.indexOf(groups[i]);
    if (k < 0) {
      out.push(String.fromCharCode(groups[i]));
    } else {
      const next = i + 1 < groups.length ? groups[++i] : 0;
      out.push(String.fromCharCode(256 + (k << 7) + next));
    }
  }
  return out.join('');
}

/** The first `length` bytes `text` holds. Self-contained: its source is
 * inlined into the single file (`decode122.toString()`). */
export function decode122(text, length) {
  const illegal = [0, 10, 13, 34, 60, 92];
  const out = new Uint8Array(length);
  let acc = 0;
  let bits = 0;
  let o = 0;
  const push = (group) => {
    acc = (acc << 7) | group;
    bits += 7;
    if (bits >= 8) {
      bits -= 8;
      if (o < length) out[o++] = (acc >> bits) & 255;
      acc &= (1 << bits) - 1;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      push(c);
    } else {
      push(illegal[(c - 256) >> 7]);
      push((c - 256) & 127);
    }
  }
  return out;
}
