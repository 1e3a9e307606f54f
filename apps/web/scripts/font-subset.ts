// app/fonts/geist-sans-latin.woff2: Geist (the `geist` package's variable font, SIL Open Font
// License 1.1, app/fonts/LICENSE.txt) cut down to the Latin script — ASCII, Latin-1, Latin
// Extended-A (Polish, Czech, Turkish, Hungarian… names and titles), general punctuation and a few
// symbols the interface writes (those Geist has no glyph for come from the system's font anyway) —
// with the weights the stylesheet uses (the wght axis cut to 400–800: 26 kB, against 35 kB with
// every weight, 100–900, and the whole font's 68 kB). Every page preloads it, so it is on each first visit's critical path. A character outside it
// (a Greek or Japanese title) is drawn from the system's font, as the CSS stack says (app/globals.css).
// font-subset.test.ts checks the committed file is what this makes and that every language's
// interface text is inside the ranges.
//
//   node --import tsx apps/web/scripts/font-subset.ts        (after changing the ranges or updating `geist`)
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import subsetFont from "subset-font";

/** The weights kept (the variable font's wght axis), inclusive: every font-weight in app/globals.css, and bold (700). */
export const KEPT_WEIGHTS = { min: 400, max: 800 } as const;

/** Unicode ranges kept, inclusive. */
export const KEPT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0xff], // Latin-1 Supplement (é, ç, ñ, «», ·, ×)
  [0x100, 0x17f], // Latin Extended-A (ł, ś, ř, ő, ğ, œ)
  [0x2000, 0x206f], // General Punctuation (– — ‘ ’ “ ” … • and spaces)
  [0x20ac, 0x20ac], // €
  [0x2122, 0x2122], // ™
  [0x2190, 0x2193], // arrows
  [0x2212, 0x2212], // minus
  [0x25b6, 0x25b6], // ▶ (trailer)
  [0x2605, 0x2606], // ★ ☆ (ratings)
  [0x2661, 0x2661], // ♡
  [0x2665, 0x2665], // ♥ (favourites)
  [0x2713, 0x2713], // ✓
];

const webDir = path.resolve(import.meta.dirname, "..");
// (The package's exports name only its next/font modules, so the file is read by path.)
export const WHOLE_FONT = path.join(webDir, "node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2");
export const SUBSET_FONT = path.join(webDir, "app/fonts/geist-sans-latin.woff2");

/** The subset, as woff2 bytes. */
export async function makeSubset(): Promise<Buffer> {
  let text = "";
  for (const [from, to] of KEPT_RANGES) for (let code = from; code <= to; code++) text += String.fromCodePoint(code);
  return subsetFont(readFileSync(WHOLE_FONT), text, { targetFormat: "woff2", variationAxes: { wght: KEPT_WEIGHTS } });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const subset = await makeSubset();
  writeFileSync(SUBSET_FONT, subset);
  console.log(
    `${path.relative(process.cwd(), SUBSET_FONT)}: ${(subset.length / 1024).toFixed(1)} kB (the whole font: ${(readFileSync(WHOLE_FONT).length / 1024).toFixed(1)} kB)`,
  );
}
