// /person/{id} details (birthday, biography, place of birth derived from the seed; a real director
// has only a biography naming their films in the catalogue) and people's combined, movie and tv credits.
import type { Catalogue } from "../catalogue.ts";
import * as D from "../data.ts";
import type { CatalogueTitle, MediaType, Person } from "../model.ts";
import { Rng, hex24 } from "../random.ts";
import { characterFor } from "./credits.ts";
import type { JsonObject } from "./json.ts";
import { titleListItem } from "./list-items.ts";

export function personDetails(cat: Catalogue, p: Person): JsonObject {
  const rng = new Rng(cat.hash("person-details", p.id));
  const group = D.NAME_GROUPS[p.nameGroup] ?? (D.NAME_GROUPS["en"] as D.NameList);
  const birthYear = p.knownForDepartment === "Acting" ? rng.int(1935, 2004) : rng.int(1930, 1992);
  const known = cat.knownFor(p).map((t) => (t.mediaType === "movie" ? t.title : t.name));
  const role =
    p.knownForDepartment === "Acting"
      ? "an actor"
      : p.knownForDepartment === "Directing"
        ? "a director"
        : p.knownForDepartment === "Writing"
          ? "a writer"
          : p.knownForDepartment === "Sound"
            ? "a composer"
            : p.knownForDepartment === "Camera"
              ? "a cinematographer"
              : p.knownForDepartment === "Editing"
                ? "an editor"
                : "a producer";
  return {
    adult: false,
    also_known_as: [],
    biography: known.length > 0 && (p.real || rng.chance(0.8)) ? `${p.name} is ${role} known for ${known.join(", ")}.` : "",
    birthday: !p.real && rng.chance(0.85) ? `${birthYear}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}` : null,
    deathday:
      !p.real && birthYear < 1945 && rng.chance(0.3)
        ? `${rng.int(2000, 2025)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`
        : null,
    gender: p.gender,
    homepage: null,
    id: p.id,
    imdb_id: p.real ? null : `nm${String((cat.hash("imdb-person", p.id) % 9_000_000) + 100_000).padStart(7, "0")}`,
    known_for_department: p.knownForDepartment,
    name: p.name,
    place_of_birth: !p.real && rng.chance(0.8) ? rng.pick(group.cities) : null,
    popularity: p.popularity,
    profile_path: p.profilePath,
  };
}

/** combined_credits (media "all"), movie_credits or tv_credits. */
export function personCreditsBody(cat: Catalogue, p: Person, media: MediaType | "all"): JsonObject {
  const credits = cat.personCredits(p);
  const keep = (t: CatalogueTitle) => media === "all" || t.mediaType === media;
  const cast = credits.cast
    .filter((c) => keep(c.title))
    .map((c) => {
      const item = titleListItem(cat, c.title, media === "all");
      item["character"] = characterFor(cat, c.title, p, c.order);
      item["credit_id"] = hex24(cat.seed, "cast", c.title.mediaType, c.title.id, c.order);
      if (c.title.mediaType === "movie") item["order"] = c.order;
      else item["episode_count"] = Math.max(1, c.title.numberOfEpisodes);
      return item;
    });
  const crew = credits.crew
    .filter((c) => keep(c.title))
    .map((c) => {
      const item = titleListItem(cat, c.title, media === "all");
      const job = D.JOBS[c.job] as readonly [string, string];
      const k = c.title.crewIds.findIndex((id, i) => id === p.id && c.title.crewJobs[i] === c.job);
      item["credit_id"] = hex24(cat.seed, "crew", c.title.mediaType, c.title.id, k);
      item["department"] = job[1];
      item["job"] = job[0];
      return item;
    });
  return { cast, crew };
}
