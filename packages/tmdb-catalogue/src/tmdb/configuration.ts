// /configuration, the genre lists, and what a generated image depicts.
import type { Catalogue } from "../catalogue.ts";
import * as D from "../data.ts";
import type { ImageSubject } from "../key-art.ts";
import type { MediaType } from "../model.ts";
import type { JsonObject } from "./json.ts";

export function configurationBody(imageBaseUrl: string): JsonObject {
  const secure = imageBaseUrl.endsWith("/") ? imageBaseUrl : `${imageBaseUrl}/`;
  return {
    images: {
      base_url: secure.replace(/^https:/, "http:"),
      secure_base_url: secure,
      backdrop_sizes: ["w300", "w780", "w1280", "original"],
      logo_sizes: ["w45", "w92", "w154", "w185", "w300", "w500", "original"],
      poster_sizes: ["w92", "w154", "w185", "w342", "w500", "w780", "original"],
      profile_sizes: ["w45", "w185", "h632", "original"],
      still_sizes: ["w92", "w185", "w300", "original"],
    },
    change_keys: [...D.CHANGE_KEYS],
  };
}

/** `language` as TMDB takes it ("fr-FR", "fr"): French names for French, English otherwise. */
export function genreListBody(cat: Catalogue, type: MediaType, language?: string | null): JsonObject {
  const french = language?.toLowerCase().startsWith("fr") ?? false;
  return { genres: cat.genres(type).map((g) => ({ id: g.id, name: (french && D.FRENCH_GENRE_NAMES[g.id]) || g.name })) };
}

/** What an image file name (e.g. "m550p.jpg") depicts, for its generated key art (key-art.ts). */
export function imageSubject(cat: Catalogue, file: string): ImageSubject {
  const m = /^([a-z])(\d+)([a-z]*)/.exec(file);
  if (!m) return { kind: "unknown", label: "" };
  const id = Number(m[2]);
  switch (m[1]) {
    case "m": {
      const movie = cat.movie(id);
      return movie
        ? { kind: "title", label: movie.title, year: movie.releaseDate.slice(0, 4) || undefined, genreIds: movie.genreIds }
        : { kind: "unknown", label: "" };
    }
    case "t": {
      const show = cat.tvShow(id);
      return show
        ? { kind: "title", label: show.name, year: show.firstAirDate.slice(0, 4) || undefined, genreIds: show.genreIds }
        : { kind: "unknown", label: "" };
    }
    case "p":
      return { kind: "person", label: cat.person(id)?.name ?? "" };
    case "c":
      return { kind: "collection", label: cat.collection(id)?.name ?? "" };
    case "l":
      return { kind: "company", label: (m[3] === "n" ? cat.network(id)?.name : cat.company(id)?.name) ?? "" };
    case "w":
      return { kind: "provider", label: D.PROVIDERS.find((p) => p.id === id)?.name ?? "" };
    default:
      return { kind: "unknown", label: "" };
  }
}
