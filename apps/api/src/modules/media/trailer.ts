// Which of TMDB's videos a title page offers as its trailer, and where it plays. TMDB lists a title's
// videos from YouTube and Vimeo: trailers, teasers, clips, featurettes… The one offered is a trailer
// (else a teaser) on a site we can link to, the title's own (official) before fans' uploads, the
// earliest published of those (the main trailer usually comes first; later ones are re-cuts), then
// TMDB's order.
import type { TitleVideo } from "../../tmdb/tmdb-schemas.ts";

/** As stored in media_cache.trailer. */
export type StoredTrailer = { site: "YouTube" | "Vimeo"; key: string; name: string };

const KIND_RANK: Readonly<Record<string, number>> = { Trailer: 0, Teaser: 1 };
const SITES = new Set(["YouTube", "Vimeo"]);

export function pickTrailer(videos: readonly TitleVideo[]): StoredTrailer | null {
  const candidates = videos
    .map((video, order) => ({ video, order }))
    .filter(({ video }) => SITES.has(video.site) && video.type in KIND_RANK && /^[\w-]+$/.test(video.key));
  candidates.sort(
    (a, b) =>
      KIND_RANK[a.video.type]! - KIND_RANK[b.video.type]! ||
      Number(b.video.official ?? false) - Number(a.video.official ?? false) ||
      (a.video.published_at ?? "\uffff").localeCompare(b.video.published_at ?? "\uffff") ||
      a.order - b.order,
  );
  const best = candidates[0]?.video;
  return best ? { site: best.site as StoredTrailer["site"], key: best.key, name: best.name } : null;
}

/** The stored trailer of a row, if it has one ({} and null: none, or not known yet). */
export function storedTrailer(value: unknown): StoredTrailer | null {
  if (value === null || typeof value !== "object") return null;
  const { site, key, name } = value as Partial<StoredTrailer>;
  return (site === "YouTube" || site === "Vimeo") && typeof key === "string" && typeof name === "string" ? { site, key, name } : null;
}

/** Where the trailer plays: the site's own page (a link, so nothing of YouTube's loads in ours). */
export function trailerUrl(trailer: StoredTrailer): string {
  return trailer.site === "YouTube"
    ? `https://www.youtube.com/watch?v=${encodeURIComponent(trailer.key)}`
    : `https://vimeo.com/${encodeURIComponent(trailer.key)}`;
}
