/**
 * Draws the two Teams app icons and writes them to manifest/:
 *  - color.png   192×192, full colour: a white speech bubble with a teal check mark on a teal tile;
 *  - outline.png  32×32, transparent background, only white pixels: the same bubble as an outline.
 *
 * The committed PNGs are the output of this script: `npx tsx tools/make-icons.ts`.
 * Drawing uses signed distance functions with 4×4 supersampling, so edges are anti-aliased
 * without any image library; the PNG encoder is a few lines on top of node:zlib.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

const TEAL: Rgb = [0x0f, 0x7b, 0x8a];
const WHITE: Rgb = [0xff, 0xff, 0xff];

// ---------- geometry (unit square: 0..1 in both axes) ----------

function sdRoundRect(p: Point, centre: Point, halfSize: Point, radius: number): number {
  const qx = Math.abs(p[0] - centre[0]) - halfSize[0] + radius;
  const qy = Math.abs(p[1] - centre[1]) - halfSize[1] + radius;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const abx = b[0] - a[0];
  const aby = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * abx + (p[1] - a[1]) * aby) / (abx * abx + aby * aby)));
  return Math.hypot(p[0] - (a[0] + t * abx), p[1] - (a[1] + t * aby));
}

/** Signed distance to a simple polygon (negative inside). */
function sdPolygon(p: Point, vertices: readonly Point[]): number {
  let distance = Infinity;
  let inside = false;
  for (let i = 0, j = vertices.length - 1; i < vertices.length; j = i++) {
    const a = vertices[i]!;
    const b = vertices[j]!;
    distance = Math.min(distance, distanceToSegment(p, a, b));
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside ? -distance : distance;
}

/** The speech bubble: a rounded body with a tail at the bottom left. */
function sdBubble(p: Point): number {
  const body = sdRoundRect(p, [0.5, 0.45], [0.34, 0.25], 0.12);
  const tail = sdPolygon(p, [
    [0.26, 0.62],
    [0.42, 0.66],
    [0.22, 0.84],
  ]);
  return Math.min(body, tail);
}

const CHECK: readonly Point[] = [
  [0.35, 0.46],
  [0.46, 0.56],
  [0.66, 0.34],
];

function sdCheck(p: Point, halfWidth: number): number {
  return Math.min(distanceToSegment(p, CHECK[0]!, CHECK[1]!), distanceToSegment(p, CHECK[1]!, CHECK[2]!)) - halfWidth;
}

// ---------- rasterising ----------

interface Rgba {
  rgb: Rgb;
  alpha: number;
}

/** Renders a size×size RGBA image; `shade` returns the colour at a point in unit coordinates. */
function render(size: number, shade: (p: Point) => Rgba): Buffer {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade([(x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size]);
          // Premultiplied accumulation keeps anti-aliased edges of transparent images clean.
          r += colour.rgb[0] * colour.alpha;
          g += colour.rgb[1] * colour.alpha;
          b += colour.rgb[2] * colour.alpha;
          a += colour.alpha;
        }
      }
      const offset = (y * size + x) * 4;
      pixels[offset] = a === 0 ? 0 : Math.round(r / a);
      pixels[offset + 1] = a === 0 ? 0 : Math.round(g / a);
      pixels[offset + 2] = a === 0 ? 0 : Math.round(b / a);
      pixels[offset + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return pixels;
}

function colourIcon(p: Point): Rgba {
  if (sdCheck(p, 0.045) <= 0) return { rgb: TEAL, alpha: 1 };
  if (sdBubble(p) <= 0) return { rgb: WHITE, alpha: 1 };
  return { rgb: TEAL, alpha: 1 };
}

function outlineIcon(p: Point): Rgba {
  const bubble = sdBubble(p);
  const ring = bubble <= 0 && bubble > -0.075;
  const check = sdCheck(p, 0.05) <= 0;
  return { rgb: WHITE, alpha: ring || check ? 1 : 0 };
}

// ---------- PNG encoding ----------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (filter type 0 on every row). */
function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main(): void {
  const manifestDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'manifest');
  writeFileSync(path.join(manifestDir, 'color.png'), encodePng(192, 192, render(192, colourIcon)));
  writeFileSync(path.join(manifestDir, 'outline.png'), encodePng(32, 32, render(32, outlineIcon)));
  console.log(`Icons written to ${manifestDir}: color.png (192×192), outline.png (32×32)`);
}

main();
