// Draws the app icons (192, 512, and a 512 maskable one) as real PNG files with nothing but
// zlib: there is no image tool on these machines. Run once: `node web/scripts/make-icons.mjs`;
// the output is committed under web/public/icons/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BRAND = [27, 94, 122];
const PAPER = [255, 255, 255];
const LINE = [164, 190, 204];
const OK = [46, 158, 91];

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
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
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in unit coordinates (0..1); each returns true when the point is inside.
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
};

/** Layers from bottom to top: [shape, colour]. `scale` shrinks the drawing into the maskable safe zone. */
function layers(maskable) {
  const s = maskable ? 0.74 : 1;
  const T = (v) => 0.5 + (v - 0.5) * s;
  const bg = maskable ? () => true : roundRect(0, 0, 1, 1, 0.22);
  return [
    [bg, BRAND],
    [roundRect(T(0.29), T(0.2), T(0.69), T(0.78), 0.045 * s), PAPER],
    [segment(T(0.37), T(0.33), T(0.61), T(0.33), 0.035 * s), LINE],
    [segment(T(0.37), T(0.42), T(0.61), T(0.42), 0.035 * s), LINE],
    [segment(T(0.37), T(0.51), T(0.52), T(0.51), 0.035 * s), LINE],
    [circle(T(0.67), T(0.7), 0.16 * s), BRAND],
    [circle(T(0.67), T(0.7), 0.135 * s), OK],
    [segment(T(0.6), T(0.705), T(0.65), T(0.755), 0.04 * s), PAPER],
    [segment(T(0.65), T(0.755), T(0.74), T(0.645), 0.04 * s), PAPER],
  ];
}

function draw(size, maskable) {
  const out = Buffer.alloc(size * size * 4);
  const ls = layers(maskable);
  const N = 4; // 4x4 supersampling for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const x = (px + (sx + 0.5) / N) / size;
          const y = (py + (sy + 0.5) / N) / size;
          let colour = null;
          for (const [inside, c] of ls) if (inside(x, y)) colour = c;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      const n = N * N;
      out[i] = a ? Math.round(r / a) : 0;
      out[i + 1] = a ? Math.round(g / a) : 0;
      out[i + 2] = a ? Math.round(b / a) : 0;
      out[i + 3] = Math.round((a / n) * 255);
    }
  }
  return png(size, out);
}

const dir = new URL('../public/icons/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('icon-192.png', dir), draw(192, false));
writeFileSync(new URL('icon-512.png', dir), draw(512, false));
writeFileSync(new URL('maskable-512.png', dir), draw(512, true));
writeFileSync(new URL('apple-touch-icon-180.png', dir), draw(180, true));
console.log('icons written to', dir.pathname);
