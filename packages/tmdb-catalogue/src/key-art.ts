// The offline catalogue's images as designed key art, in SVG (vector: crisp at every size, a few
// hundred bytes to a few kB). A title's poster sets its title in large type over its first genre's
// palette, with its year and one of three layouts chosen from its file name; backdrops are the same
// palette as abstract art without words (the title page prints the title over them); profiles are a
// portrait silhouette; logos the name on a tile. Deterministic: the same file and size give the same
// bytes. Served by server/tmdb-api.ts's image route under TMDB's own paths (/t/p/w342/m550p.jpg).
//
// Inside an <img>, an SVG can neither load fonts nor run scripts: text uses the system's fonts (the
// stacks below end in generic families), and every string from the catalogue is XML-escaped, so a
// hostile title is text, never markup (hostile.test.ts).
import { hash32 } from "./random.ts";

export type ImageShape = "poster" | "backdrop" | "profile" | "logo" | "still";

/** What an image depicts (configuration.ts's imageSubject). */
export interface ImageSubject {
  kind: "title" | "collection" | "person" | "company" | "provider" | "unknown";
  label: string;
  year?: string;
  genreIds?: readonly number[];
}

interface Palette {
  /** background, top and bottom */
  from: string;
  to: string;
  /** the motif and the rule */
  accent: string;
  /** the type */
  ink: string;
}

// One palette per TMDB genre id (films' and series'), chosen for the genre's mood.
const PALETTES: Readonly<Record<number, Palette>> = {
  28: { from: "#3b0a0a", to: "#0d0d10", accent: "#ff5a1f", ink: "#fff3e8" }, // Action
  12: { from: "#0f3b3a", to: "#0a1414", accent: "#f2b134", ink: "#fdf6e3" }, // Adventure
  16: { from: "#4b2a8a", to: "#1b1040", accent: "#ffd23f", ink: "#ffffff" }, // Animation
  35: { from: "#ffcf3f", to: "#ff7a59", accent: "#1d1a4f", ink: "#1d1a4f" }, // Comedy
  80: { from: "#111a2e", to: "#05070d", accent: "#d7263d", ink: "#f4f1ea" }, // Crime
  99: { from: "#2f3e46", to: "#121a1e", accent: "#84a98c", ink: "#f1f5f2" }, // Documentary
  18: { from: "#4a1020", to: "#1a060c", accent: "#e8c39e", ink: "#f8efe4" }, // Drama
  10751: { from: "#7cc6fe", to: "#2b6cb0", accent: "#ffb703", ink: "#ffffff" }, // Family
  14: { from: "#3c1361", to: "#12061f", accent: "#e0b84c", ink: "#f7f0ff" }, // Fantasy
  36: { from: "#6b4f2a", to: "#2a1d0e", accent: "#e9d8a6", ink: "#fbf3df" }, // History
  27: { from: "#1a0000", to: "#000000", accent: "#b00020", ink: "#f2e9e9" }, // Horror
  10402: { from: "#b5179e", to: "#3a0ca3", accent: "#4cc9f0", ink: "#ffffff" }, // Music
  9648: { from: "#1f2a5a", to: "#0b0f24", accent: "#2ec4b6", ink: "#eef6ff" }, // Mystery
  10749: { from: "#f28482", to: "#84294a", accent: "#ffe5ec", ink: "#fff7f9" }, // Romance
  878: { from: "#03254c", to: "#010b17", accent: "#00e5ff", ink: "#e6fbff" }, // Science Fiction
  10770: { from: "#34495e", to: "#17202a", accent: "#f39c12", ink: "#fdfefe" }, // TV Movie
  53: { from: "#1b1b1b", to: "#050505", accent: "#e9ff70", ink: "#f5f5f5" }, // Thriller
  10752: { from: "#4b5320", to: "#1c1f0c", accent: "#d4c685", ink: "#f3f0dc" }, // War
  37: { from: "#a0522d", to: "#3b1d0e", accent: "#f4d19b", ink: "#fff5e6" }, // Western
  10759: { from: "#3b0a0a", to: "#0f3b3a", accent: "#ff9f1c", ink: "#fff8ee" }, // Action & Adventure
  10762: { from: "#06d6a0", to: "#118ab2", accent: "#ffd166", ink: "#ffffff" }, // Kids
  10763: { from: "#22303c", to: "#0e151b", accent: "#e63946", ink: "#f1faee" }, // News
  10764: { from: "#ff006e", to: "#8338ec", accent: "#ffbe0b", ink: "#ffffff" }, // Reality
  10765: { from: "#240046", to: "#03045e", accent: "#48cae4", ink: "#f1f0ff" }, // Sci-Fi & Fantasy
  10766: { from: "#c9184a", to: "#590d22", accent: "#ffccd5", ink: "#fff0f3" }, // Soap
  10767: { from: "#264653", to: "#1b2f36", accent: "#e9c46a", ink: "#f8f9fa" }, // Talk
  10768: { from: "#3d405b", to: "#1d1e2c", accent: "#e07a5f", ink: "#f4f1de" }, // War & Politics
};

export const SANS = "'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
const SERIF = "Georgia, 'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif";
const CONDENSED = "'Arial Narrow', 'Helvetica Neue', 'Liberation Sans Narrow', 'DejaVu Sans Condensed', Arial, sans-serif";

/** The canonical drawing size per shape (the viewBox); width and height scale it. */
const CANVAS: Readonly<Record<ImageShape, { w: number; h: number }>> = {
  poster: { w: 400, h: 600 },
  profile: { w: 400, h: 600 },
  backdrop: { w: 1280, h: 720 },
  still: { w: 1280, h: 720 },
  logo: { w: 300, h: 150 },
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] as string);
}

/** A palette for the subject: its first genre's, or one drawn from the file name. */
function paletteOf(subject: ImageSubject, key: string): Palette {
  for (const id of subject.genreIds ?? []) {
    const palette = PALETTES[id];
    if (palette) return palette;
  }
  const hue = hash32("palette", key) % 360;
  return { from: `hsl(${hue} 45% 30%)`, to: `hsl(${(hue + 30) % 360} 50% 10%)`, accent: `hsl(${(hue + 180) % 360} 70% 65%)`, ink: "#f7f5f0" };
}

/**
 * Breaks a title into at most `maxLines` lines at the largest font size (from `largest` down) whose
 * longest line fits `width`, by an average glyph width of `em` × size. Returns the lines and size;
 * a word too long for any size gets its own line, squeezed by textLength when drawn.
 */
export function fitLines(
  text: string,
  options: { width: number; maxLines: number; largest: number; smallest: number; em: number },
): { lines: string[]; size: number } {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return { lines: [], size: options.smallest };
  for (let size = options.largest; size >= options.smallest; size -= 2) {
    const perLine = Math.max(1, Math.floor(options.width / (size * options.em)));
    const lines: string[] = [];
    let current = "";
    let fits = true;
    for (const word of words) {
      if ([...word].length > perLine) fits = false;
      const next = current ? `${current} ${word}` : word;
      if ([...next].length <= perLine) current = next;
      else {
        if (current) lines.push(current);
        current = word;
      }
    }
    if (current) lines.push(current);
    if (fits && lines.length <= options.maxLines) return { lines, size };
  }
  // Smallest size: keep at most maxLines, the last one carrying the rest with an ellipsis.
  const perLine = Math.max(1, Math.floor(options.width / (options.smallest * options.em)));
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if ([...next].length <= perLine || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length > options.maxLines) {
    const kept = lines.slice(0, options.maxLines);
    kept[kept.length - 1] = `${kept[kept.length - 1]}…`;
    return { lines: kept, size: options.smallest };
  }
  return { lines, size: options.smallest };
}

/** One <text> per line; a line wider than `width` by the estimate is squeezed to it (textLength). */
function textLines(
  lines: string[],
  options: {
    x: number;
    y: number;
    size: number;
    lineHeight: number;
    width: number;
    em: number;
    anchor: "start" | "middle";
    family: string;
    weight: number;
    fill: string;
    spacing?: number;
  },
): string {
  return lines
    .map((line, n) => {
      const estimate = [...line].length * options.size * options.em;
      const squeeze = estimate > options.width ? ` textLength="${options.width}" lengthAdjust="spacingAndGlyphs"` : "";
      return `<text x="${options.x}" y="${Math.round(options.y + n * options.size * options.lineHeight)}" font-family="${options.family}" font-size="${options.size}" font-weight="${options.weight}" fill="${options.fill}" text-anchor="${options.anchor}"${options.spacing ? ` letter-spacing="${options.spacing}"` : ""}${squeeze}>${escapeXml(line)}</text>`;
    })
    .join("");
}

function background(id: string, palette: Palette, w: number, h: number): string {
  return `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0.3" y2="1"><stop offset="0" stop-color="${palette.from}"/><stop offset="1" stop-color="${palette.to}"/></linearGradient></defs><rect width="${w}" height="${h}" fill="url(#${id})"/>`;
}

/** A poster: the title set large, its year, a motif in the accent colour; three layouts. */
function poster(subject: ImageSubject, key: string): string {
  const { w, h } = CANVAS.poster;
  const palette = paletteOf(subject, key);
  const layout = hash32("layout", key) % 3;
  const seed = hash32("motif", key);
  const title = subject.label.toUpperCase() || "UNTITLED";
  const year = subject.year ?? "";
  const parts = [background("bg", palette, w, h)];
  if (layout === 0) {
    // A sun or planet above, the title low and left, flush with a rule.
    const r = 90 + (seed % 60);
    parts.push(`<circle cx="${220 + (seed % 80)}" cy="${170 + (seed % 50)}" r="${r}" fill="${palette.accent}" opacity="0.85"/>`);
    parts.push(
      `<circle cx="${220 + (seed % 80)}" cy="${170 + (seed % 50)}" r="${r + 26}" fill="none" stroke="${palette.accent}" stroke-width="2" opacity="0.5"/>`,
    );
    const fit = fitLines(title, { width: 336, maxLines: 4, largest: 64, smallest: 26, em: 0.74 });
    const top = 560 - fit.lines.length * fit.size * 1.02;
    parts.push(`<rect x="32" y="${Math.round(top - fit.size - 18)}" width="48" height="4" fill="${palette.accent}"/>`);
    parts.push(
      textLines(fit.lines, {
        x: 32,
        y: top,
        size: fit.size,
        lineHeight: 1.02,
        width: 336,
        em: 0.74,
        anchor: "start",
        family: SANS,
        weight: 800,
        fill: palette.ink,
      }),
    );
    if (year)
      parts.push(
        `<text x="32" y="${Math.round(top - fit.size - 30)}" font-family="${SANS}" font-size="18" font-weight="600" letter-spacing="4" fill="${palette.ink}" opacity="0.8">${escapeXml(year)}</text>`,
      );
  } else if (layout === 1) {
    // Diagonal bands behind a framed, centred title in a serif.
    for (let band = 0; band < 5; band++) {
      const x = -200 + band * 150 + (seed % 90);
      parts.push(`<polygon points="${x},600 ${x + 60},600 ${x + 460},0 ${x + 400},0" fill="${palette.accent}" opacity="${(0.08 + band * 0.03).toFixed(2)}"/>`);
    }
    parts.push(`<rect x="20" y="20" width="360" height="560" fill="none" stroke="${palette.ink}" stroke-width="1.5" opacity="0.6"/>`);
    const fit = fitLines(subject.label || "Untitled", { width: 300, maxLines: 5, largest: 56, smallest: 24, em: 0.55 });
    const top = 300 - ((fit.lines.length - 1) * fit.size * 1.1) / 2 + fit.size / 3;
    parts.push(
      textLines(fit.lines, {
        x: 200,
        y: top,
        size: fit.size,
        lineHeight: 1.1,
        width: 300,
        em: 0.55,
        anchor: "middle",
        family: SERIF,
        weight: 700,
        fill: palette.ink,
      }),
    );
    if (year)
      parts.push(
        `<text x="200" y="548" font-family="${SANS}" font-size="16" font-weight="600" letter-spacing="6" fill="${palette.ink}" text-anchor="middle" opacity="0.85">${escapeXml(year)}</text>`,
      );
  } else {
    // The year huge and faint, the title on top in a condensed face.
    if (year)
      parts.push(
        `<text x="200" y="560" font-family="${CONDENSED}" font-size="230" font-weight="800" fill="${palette.accent}" text-anchor="middle" opacity="0.22" textLength="380" lengthAdjust="spacingAndGlyphs">${escapeXml(year)}</text>`,
      );
    parts.push(`<rect x="0" y="${330 + (seed % 60)}" width="400" height="6" fill="${palette.accent}" opacity="0.9"/>`);
    const fit = fitLines(title, { width: 340, maxLines: 4, largest: 72, smallest: 28, em: 0.74 });
    parts.push(
      textLines(fit.lines, {
        x: 30,
        y: 40 + fit.size,
        size: fit.size,
        lineHeight: 1.0,
        width: 340,
        em: 0.74,
        anchor: "start",
        family: CONDENSED,
        weight: 800,
        fill: palette.ink,
      }),
    );
  }
  return parts.join("");
}

/** A backdrop or still: the palette as wide abstract art, no words. */
function backdrop(subject: ImageSubject, key: string): string {
  const { w, h } = CANVAS.backdrop;
  const palette = paletteOf(subject, key);
  const seed = hash32("backdrop", key);
  const cx = 700 + (seed % 400);
  const cy = 200 + (seed % 250);
  return [
    `<defs><radialGradient id="glow" cx="${(cx / w).toFixed(3)}" cy="${(cy / h).toFixed(3)}" r="0.7"><stop offset="0" stop-color="${palette.accent}" stop-opacity="0.75"/><stop offset="0.45" stop-color="${palette.from}" stop-opacity="0.9"/><stop offset="1" stop-color="${palette.to}"/></radialGradient></defs>`,
    `<rect width="${w}" height="${h}" fill="url(#glow)"/>`,
    `<circle cx="${cx}" cy="${cy}" r="${120 + (seed % 90)}" fill="${palette.accent}" opacity="0.55"/>`,
    `<path d="M0 ${560 + (seed % 60)} Q ${w / 3} ${470 + (seed % 80)} ${w / 2} ${540 + (seed % 50)} T ${w} ${500 + (seed % 70)} V ${h} H 0 Z" fill="${palette.to}" opacity="0.9"/>`,
  ].join("");
}

/** A profile: a portrait silhouette on a soft gradient. */
function profile(key: string): string {
  const { w, h } = CANVAS.profile;
  const hue = hash32("profile", key) % 360;
  return [
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue} 25% 42%)"/><stop offset="1" stop-color="hsl(${hue} 30% 18%)"/></linearGradient></defs>`,
    `<rect width="${w}" height="${h}" fill="url(#bg)"/>`,
    `<circle cx="200" cy="235" r="92" fill="hsl(${hue} 20% 78%)" opacity="0.9"/>`,
    `<path d="M40 600 C 50 430 130 370 200 370 C 270 370 350 430 360 600 Z" fill="hsl(${hue} 20% 78%)" opacity="0.9"/>`,
  ].join("");
}

/** A logo: the name on a tile. */
function logo(subject: ImageSubject, key: string): string {
  const { w, h } = CANVAS.logo;
  const hue = hash32("logo", key) % 360;
  const fit = fitLines(subject.label || "?", { width: 260, maxLines: 2, largest: 40, smallest: 16, em: 0.58 });
  const top = h / 2 - ((fit.lines.length - 1) * fit.size * 1.05) / 2 + fit.size / 3;
  return [
    `<rect width="${w}" height="${h}" rx="18" fill="hsl(${hue} 55% 22%)"/>`,
    textLines(fit.lines, {
      x: w / 2,
      y: top,
      size: fit.size,
      lineHeight: 1.05,
      width: 260,
      em: 0.58,
      anchor: "middle",
      family: SANS,
      weight: 800,
      fill: "#ffffff",
    }),
  ].join("");
}

/** The SVG document for one image at one pixel size. */
export function renderKeyArt(input: { shape: ImageShape; width: number; height: number; key: string; subject: ImageSubject }): string {
  const { w, h } = CANVAS[input.shape];
  const body =
    input.shape === "poster"
      ? poster(input.subject, input.key)
      : input.shape === "backdrop" || input.shape === "still"
        ? backdrop(input.subject, input.key)
        : input.shape === "profile"
          ? profile(input.key)
          : logo(input.subject, input.key);
  const label = input.subject.label ? escapeXml(input.subject.label) : "image";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${input.width}" height="${input.height}" viewBox="0 0 ${w} ${h}" preserveAspectRatio="xMidYMid slice" role="img" aria-label="${label}">${body}</svg>`;
}
