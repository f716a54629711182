// Draws the app icon (build/icon.png, 512x512 RGBA) with plain Node: no image tools needed.
// A rounded blue square holding a white key whose shaft is split into three segments, like a
// JWT's header.payload.signature. Run `node build/make-icon.mjs` to regenerate it.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const TOP = [11, 92, 171];
const BOTTOM = [3, 45, 96];
const WHITE = [255, 255, 255];

/** Signed distance to a rounded box centred at (cx, cy) with half sizes (hw, hh) and corner radius r. */
function roundedBox(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

/** Signed distance to a circle. */
function circle(x, y, cx, cy, r) {
  return Math.hypot(x - cx, y - cy) - r;
}

/** Coverage (0..1) of a shape from its signed distance, anti-aliased over one pixel. */
function coverage(distance) {
  return Math.min(1, Math.max(0, 0.5 - distance));
}

/** Signed distance to the white key: a ring (head) and a shaft of three segments with two teeth. */
function key(x, y) {
  const ring = Math.max(circle(x, y, 168, 256, 92), -circle(x, y, 168, 256, 44));
  const segments = [roundedBox(x, y, 290, 256, 34, 22, 8), roundedBox(x, y, 360, 256, 26, 22, 8), roundedBox(x, y, 424, 256, 28, 22, 8)];
  const teeth = [roundedBox(x, y, 372, 296, 14, 30, 6), roundedBox(x, y, 432, 300, 16, 34, 6)];
  return Math.min(ring, ...segments, ...teeth);
}

/** Renders the icon into raw RGBA scanlines, each prefixed by PNG filter byte 0. */
function render() {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    raw[row] = 0;
    const t = y / (SIZE - 1);
    const bg = TOP.map((c, i) => Math.round(c + (BOTTOM[i] - c) * t));
    for (let x = 0; x < SIZE; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const tile = coverage(roundedBox(px, py, 256, 256, 240, 240, 96));
      const ink = coverage(key(px, py));
      const offset = row + 1 + x * 4;
      for (let i = 0; i < 3; i++) raw[offset + i] = Math.round(bg[i] + (WHITE[i] - bg[i]) * ink);
      raw[offset + 3] = Math.round(255 * tile);
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG chunks need it. */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC. */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes the icon as a PNG file. */
export function iconPng() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(render(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('./icon.png', import.meta.url));
  writeFileSync(out, iconPng());
  console.log(`make-icon: wrote ${out}`);
}
