#!/usr/bin/env node
// Draws the KigaliGo mark and writes the PWA icons into public/icons/ (run once; the PNGs are committed).
// Pure Node on purpose: no canvas or image library to install, so anyone can regenerate the icons offline.
// The mark: a route leaving a hollow stop (origin), turning a corner and reaching a yellow stop (destination).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');

const GREEN = [11, 110, 79];
const WHITE = [255, 255, 255];
const YELLOW = [250, 210, 1];

// Signed distance functions in unit coordinates (0..1 across the icon); negative = inside.
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const ring = (cx, cy, r, w) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2;
const roundedSquare = (inset, radius) => (x, y) => {
  const h = 0.5 - inset - radius;
  const qx = Math.abs(x - 0.5) - h;
  const qy = Math.abs(y - 0.5) - h;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};
/** A stroke along a polyline of segments and quarter arcs, drawn as the union of capsules and arc bands. */
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const [px, py, dx, dy] = [x - ax, y - ay, bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - w / 2;
};
/** Quarter arc centred at (cx, cy) covering the quadrant where x >= cx and y >= cy flipped by sx/sy. */
const arc = (cx, cy, r, w, sx, sy) => (x, y) => {
  if ((x - cx) * sx < 0 || (y - cy) * sy < 0) return Number.POSITIVE_INFINITY;
  return Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2;
};
const union =
  (...fs) =>
  (x, y) =>
    Math.min(...fs.map((f) => f(x, y)));

/** The mark inside a square whose content box is [0,1]; `scale` shrinks it around the centre (maskable safe zone). */
function layers(scale, fullBleed) {
  const s = (v) => 0.5 + (v - 0.5) * scale;
  const w = 0.085 * scale;
  const route = union(
    segment(s(0.3), s(0.72), s(0.5), s(0.72), w),
    arc(s(0.5), s(0.52), 0.2 * scale, w, 1, 1),
    segment(s(0.7), s(0.52), s(0.7), s(0.3), w),
  );
  return [
    { shape: fullBleed ? () => -1 : roundedSquare(0.02, 0.2), color: GREEN },
    { shape: route, color: WHITE },
    { shape: circle(s(0.3), s(0.72), 0.1 * scale), color: GREEN },
    { shape: ring(s(0.3), s(0.72), 0.085 * scale, 0.055 * scale), color: WHITE },
    { shape: circle(s(0.7), s(0.28), 0.115 * scale), color: WHITE },
    { shape: circle(s(0.7), s(0.28), 0.08 * scale), color: YELLOW },
  ];
}

/** Rasterises with 4x4 supersampling so edges are anti-aliased; returns straight (non-premultiplied) RGBA. */
function render(size, scale, fullBleed) {
  const shapes = layers(scale, fullBleed);
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const u = (x + (sx + 0.5) / n) / size;
          const v = (y + (sy + 0.5) / n) / size;
          let c = null;
          for (const l of shapes) if (l.shape(u, v) <= 0) c = l.color;
          if (c) [r, g, b, a] = [r + c[0], g + c[1], b + c[2], a + 1];
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) [px[i], px[i + 1], px[i + 2]] = [r / a, g / a, b / a].map(Math.round);
      px[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return px;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// "any" icons keep transparent rounded corners; maskable and Apple icons are full-bleed with the mark inside
// the central 80% safe zone, because launchers crop them to their own shapes.
const icons = [
  { file: 'icon-192.png', size: 192, scale: 1, fullBleed: false },
  { file: 'icon-512.png', size: 512, scale: 1, fullBleed: false },
  { file: 'maskable-192.png', size: 192, scale: 0.78, fullBleed: true },
  { file: 'maskable-512.png', size: 512, scale: 0.78, fullBleed: true },
  { file: 'apple-touch-icon.png', size: 180, scale: 0.86, fullBleed: true },
  { file: 'favicon-32.png', size: 32, scale: 1, fullBleed: false },
];

mkdirSync(outDir, { recursive: true });
for (const icon of icons) {
  writeFileSync(join(outDir, icon.file), encodePng(icon.size, render(icon.size, icon.scale, icon.fullBleed)));
  console.log(`wrote public/icons/${icon.file}`);
}
