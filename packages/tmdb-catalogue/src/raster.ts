// Raster key art: the SVG that key-art.ts draws, made a WebP image of the size asked by sharp
// (libvips, with librsvg for the drawing), for the images that set text (posters and logos). TMDB's
// images are raster, and a browser decodes a raster <img> off its main thread, while it lays out an
// SVG <img>, its text included, on it: 20 offline SVG posters cost a phone page 355–499 ms of
// main-thread Style & Layout at Lighthouse's 4× CPU, the same 20 as rasters 70–122 ms
// (bench/README.md). Lossy WebP keeps a poster at about 6 kB (a JPEG twice that). Backdrops, stills
// and profiles are a few shapes and gradients without text, 0.6 kB as SVG against 22–25 kB as a
// w1280 WebP (slower over a phone's network, and 300 ms for sharp to draw): they stay SVG.
//
// The text is set in the machine's fonts (fontconfig). Without sharp (a platform without its
// prebuilt binary) or without any font for the text, the route keeps serving the SVG, whose text
// the browser sets in its own fonts: posters never come out without their titles.
import type { Sharp, SharpOptions } from "sharp";
import { type ImageShape, SANS } from "./key-art.ts";

/** The shapes whose drawing sets text: served raster when sharp can draw them. */
export const RASTER_SHAPES: ReadonlySet<ImageShape> = new Set(["poster", "logo"]);

type SharpFactory = (input: Buffer, options?: SharpOptions) => Sharp;

export interface Rasterizer {
  contentType: string;
  render(svg: Buffer): Promise<Buffer>;
}

/** A white "M" on black in the posters' typeface: blank when fontconfig has no font for it. */
const FONT_PROBE = `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><rect width="48" height="48" fill="#000"/><text x="4" y="40" font-family="${SANS}" font-size="40" fill="#fff">M</text></svg>`;

async function drawsText(sharp: SharpFactory): Promise<boolean> {
  const { data } = await sharp(Buffer.from(FONT_PROBE)).greyscale().raw().toBuffer({ resolveWithObject: true });
  return data.some((value) => value > 128);
}

/** sharp's WebP encoder when it loads and can set text; otherwise null (the route serves SVG). */
export async function loadRasterizer(): Promise<Rasterizer | null> {
  let sharp: SharpFactory;
  try {
    sharp = (await import("sharp")).default as SharpFactory;
    if (!(await drawsText(sharp))) return null;
  } catch {
    return null;
  }
  return {
    contentType: "image/webp",
    render: (svg) => sharp(svg).webp({ quality: 82 }).toBuffer(),
  };
}
