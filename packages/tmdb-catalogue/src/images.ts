// Tiny deterministic PNG posters for the offline image route (/t/p/{size}/{file}).
// A vertical colour gradient (colour from the file name) with the subject's initials in a 5x7 pixel font.
import { deflateSync } from "node:zlib";
import { hash32 } from "./random.ts";

const FONT: Readonly<Record<string, readonly number[]>> = {
  A: [0x0e, 0x11, 0x11, 0x1f, 0x11, 0x11, 0x11],
  B: [0x1e, 0x11, 0x11, 0x1e, 0x11, 0x11, 0x1e],
  C: [0x0e, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0e],
  D: [0x1e, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1e],
  E: [0x1f, 0x10, 0x10, 0x1e, 0x10, 0x10, 0x1f],
  F: [0x1f, 0x10, 0x10, 0x1e, 0x10, 0x10, 0x10],
  G: [0x0e, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0f],
  H: [0x11, 0x11, 0x11, 0x1f, 0x11, 0x11, 0x11],
  I: [0x0e, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0e],
  J: [0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0c],
  K: [0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11],
  L: [0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1f],
  M: [0x11, 0x1b, 0x15, 0x15, 0x11, 0x11, 0x11],
  N: [0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11],
  O: [0x0e, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0e],
  P: [0x1e, 0x11, 0x11, 0x1e, 0x10, 0x10, 0x10],
  Q: [0x0e, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0d],
  R: [0x1e, 0x11, 0x11, 0x1e, 0x14, 0x12, 0x11],
  S: [0x0f, 0x10, 0x10, 0x0e, 0x01, 0x01, 0x1e],
  T: [0x1f, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04],
  U: [0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0e],
  V: [0x11, 0x11, 0x11, 0x11, 0x11, 0x0a, 0x04],
  W: [0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0a],
  X: [0x11, 0x11, 0x0a, 0x04, 0x0a, 0x11, 0x11],
  Y: [0x11, 0x11, 0x0a, 0x04, 0x04, 0x04, 0x04],
  Z: [0x1f, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1f],
  "0": [0x0e, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0e],
  "1": [0x04, 0x0c, 0x04, 0x04, 0x04, 0x04, 0x0e],
  "2": [0x0e, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1f],
  "3": [0x1f, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0e],
  "4": [0x02, 0x06, 0x0a, 0x12, 0x1f, 0x02, 0x02],
  "5": [0x1f, 0x10, 0x1e, 0x01, 0x01, 0x11, 0x0e],
  "6": [0x06, 0x08, 0x10, 0x1e, 0x11, 0x11, 0x0e],
  "7": [0x1f, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08],
  "8": [0x0e, 0x11, 0x11, 0x0e, 0x11, 0x11, 0x0e],
  "9": [0x0e, 0x11, 0x11, 0x0f, 0x01, 0x02, 0x0c],
  "?": [0x0e, 0x11, 0x01, 0x02, 0x04, 0x00, 0x04],
};

const SMALL_WORDS = new Set(["the", "a", "an", "of", "and", "in", "on", "la", "le", "el", "der", "die", "das"]);

/** Up to 3 initials (A–Z, 0–9) of a title or name; "?" if none. */
export function initialsOf(label: string): string {
  const words = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const significant = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  const chosen = (significant.length > 0 ? significant : words).slice(0, 3).map((w) => w[0] as string);
  return chosen.length > 0 ? chosen.join("") : "?";
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = (CRC_TABLE[(c ^ (buf[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

export type ImageShape = "poster" | "backdrop" | "profile" | "logo" | "still";

/** Shape from the file-name convention: m/t…p = poster, …b = backdrop, p…h = profile, l… = logo, …e…/…s… stills and season posters. */
export function shapeOf(file: string): ImageShape {
  if (/^[lw]/.test(file)) return "logo";
  if (/^p\d+h/.test(file)) return "profile";
  if (/^[mtc]\d+b/.test(file)) return "backdrop";
  if (/^t\d+e/.test(file)) return "still";
  return "poster";
}

/** Pixel size for a TMDB size token ("w342", "h632", "original") and shape; capped to keep images small. */
export function dimensionsOf(size: string, shape: ImageShape): { width: number; height: number } {
  const ratio = shape === "backdrop" || shape === "still" ? 9 / 16 : shape === "logo" ? 1 / 2 : 3 / 2;
  const original = shape === "backdrop" ? 1280 : shape === "still" ? 780 : shape === "logo" ? 300 : 600;
  let width: number;
  const m = /^([wh])(\d+)$/.exec(size);
  if (m && m[1] === "h") width = Math.round(Number(m[2]) / ratio);
  else if (m) width = Number(m[2]);
  else width = original;
  width = Math.max(8, Math.min(1280, width));
  const height = Math.max(8, Math.min(1920, Math.round(width * ratio)));
  return { width, height };
}

/** A deterministic RGB PNG: gradient background + initials. */
export function renderPng(width: number, height: number, key: string, label: string): Buffer {
  const h = hash32("image", key);
  const hue = h % 360;
  const top = hslToRgb(hue, 0.55, 0.42);
  const bottom = hslToRgb((hue + 40) % 360, 0.6, 0.16);
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const t = height > 1 ? y / (height - 1) : 0;
    const r = Math.round(top[0] + (bottom[0] - top[0]) * t);
    const g = Math.round(top[1] + (bottom[1] - top[1]) * t);
    const b = Math.round(top[2] + (bottom[2] - top[2]) * t);
    const row = y * stride;
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const o = row + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const text = initialsOf(label);
  const cols = text.length * 6 - 1;
  const scale = Math.max(1, Math.floor(Math.min((width * 0.7) / cols, (height * 0.35) / 7)));
  const x0 = Math.floor((width - cols * scale) / 2);
  const y0 = Math.floor((height - 7 * scale) / 2);
  for (let c = 0; c < text.length; c++) {
    const glyph = FONT[text[c] as string] ?? (FONT["?"] as readonly number[]);
    for (let gy = 0; gy < 7; gy++) {
      const bits = glyph[gy] as number;
      for (let gx = 0; gx < 5; gx++) {
        if (!(bits & (0x10 >> gx))) continue;
        for (let sy = 0; sy < scale; sy++) {
          const y = y0 + gy * scale + sy;
          if (y < 0 || y >= height) continue;
          for (let sx = 0; sx < scale; sx++) {
            const x = x0 + (c * 6 + gx) * scale + sx;
            if (x < 0 || x >= width) continue;
            const o = y * stride + 1 + x * 3;
            raw[o] = 245;
            raw[o + 1] = 245;
            raw[o + 2] = 240;
          }
        }
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 6 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Image cache (generated PNGs are small; keep the most recent few hundred). */
export class ImageCache {
  private readonly map = new Map<string, Buffer>();
  constructor(private readonly limit = 300) {}
  get(key: string, make: () => Buffer): Buffer {
    let v = this.map.get(key);
    if (v) {
      this.map.delete(key);
      this.map.set(key, v);
      return v;
    }
    v = make();
    this.map.set(key, v);
    if (this.map.size > this.limit) {
      const first = this.map.keys().next();
      if (!first.done) this.map.delete(first.value);
    }
    return v;
  }
}
