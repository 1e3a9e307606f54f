// /configuration, the genre lists, and what a generated image depicts.
import type { Catalogue } from "../catalogue.ts";
import * as D from "../data.ts";
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

export function genreListBody(cat: Catalogue, type: MediaType): JsonObject {
  return { genres: cat.genres(type).map((g) => ({ id: g.id, name: g.name })) };
}

/** What an image file name (e.g. "m550p.jpg") depicts, for the generated poster's initials. */
export function imageLabel(cat: Catalogue, file: string): string {
  const m = /^([a-z])(\d+)([a-z]*)/.exec(file);
  if (!m) return "";
  const id = Number(m[2]);
  switch (m[1]) {
    case "m":
      return cat.movie(id)?.title ?? "";
    case "t":
      return cat.tvShow(id)?.name ?? "";
    case "p":
      return cat.person(id)?.name ?? "";
    case "c":
      return cat.collection(id)?.name ?? "";
    case "l":
      return (m[3] === "n" ? cat.network(id)?.name : cat.company(id)?.name) ?? "";
    case "w":
      return D.PROVIDERS.find((p) => p.id === id)?.name ?? "";
    default:
      return "";
  }
}
