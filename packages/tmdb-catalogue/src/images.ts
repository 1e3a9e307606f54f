// The offline image route's sizes and cache: which shape a TMDB image file name is, how many pixels
// a size token asks for, and the most recent images made (key-art.ts draws them).
import type { ImageShape } from "./key-art.ts";

export type { ImageShape };

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

/** Image cache: the most recent images made (a few kB each), or the promises of those being made. */
export class ImageCache<V = Buffer> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit = 1000) {}
  delete(key: string): void {
    this.map.delete(key);
  }
  get(key: string, make: () => V): V {
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
