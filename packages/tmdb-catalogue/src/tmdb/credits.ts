// Credits: a title's cast (with characters derived from the seed) and crew, and tv's aggregate
// credits (roles and jobs with episode counts).
import type { Catalogue } from "../catalogue.ts";
import * as D from "../data.ts";
import type { CatalogueTitle, CatalogueTv, Person } from "../model.ts";
import { Rng, hex24 } from "../random.ts";
import type { JsonObject } from "./json.ts";

function personBase(p: Person): JsonObject {
  return {
    adult: false,
    gender: p.gender,
    id: p.id,
    known_for_department: p.knownForDepartment,
    name: p.name,
    original_name: p.name,
    popularity: p.popularity,
    profile_path: p.profilePath,
  };
}

export function characterFor(cat: Catalogue, t: CatalogueTitle, p: Person, order: number): string {
  const rng = new Rng(cat.hash("character", t.mediaType, t.id, order));
  if (t.mediaType === "tv" && (t.type === "Talk Show" || t.type === "News" || t.type === "Reality")) return order === 0 ? "Host" : "Self";
  if (t.genreIds[0] === 99) return p.gender === 1 ? "Herself" : p.gender === 2 ? "Himself" : "Self";
  const group = D.LANGUAGES.find((l) => l.code === t.originalLanguage)?.nameGroup ?? "en";
  const names = D.NAME_GROUPS[group] ?? (D.NAME_GROUPS["en"] as D.NameList);
  const first = rng.pick(p.gender === 1 ? names.female : names.male);
  const base =
    order < 4 || rng.chance(0.5)
      ? `${first} ${rng.pick(names.last)}`
      : rng.pick([first, `Officer ${rng.pick(names.last)}`, "Nurse", "Bartender", "Reporter", `Dr. ${rng.pick(names.last)}`, "Waitress", "Guard", "Neighbor"]);
  return t.genreIds[0] === 16 ? `${base} (voice)` : base;
}

export interface CreditsBody {
  cast: JsonObject[];
  crew: JsonObject[];
}

export function creditsOf(cat: Catalogue, t: CatalogueTitle): CreditsBody {
  const cast: JsonObject[] = [];
  t.castIds.forEach((pid, order) => {
    const p = cat.person(pid);
    if (!p) return;
    const entry = personBase(p);
    if (t.mediaType === "movie") entry["cast_id"] = order + 1 + (cat.hash("cast-id", t.id) % 4);
    entry["character"] = characterFor(cat, t, p, order);
    entry["credit_id"] = hex24(cat.seed, "cast", t.mediaType, t.id, order);
    entry["order"] = order;
    cast.push(entry);
  });
  const crew: JsonObject[] = [];
  t.crewIds.forEach((pid, k) => {
    const p = cat.person(pid);
    const job = D.JOBS[t.crewJobs[k] as number];
    if (!p || !job) return;
    const entry = personBase(p);
    entry["credit_id"] = hex24(cat.seed, "crew", t.mediaType, t.id, k);
    entry["department"] = job[1];
    entry["job"] = job[0];
    crew.push(entry);
  });
  return { cast, crew };
}

/** tv only: every season's credits with roles / jobs and episode counts. */
export function aggregateCreditsOf(cat: Catalogue, t: CatalogueTv): CreditsBody {
  const credits = creditsOf(cat, t);
  const total = Math.max(1, t.numberOfEpisodes);
  const cast = credits.cast.map((c, order) => {
    const episodes = order < 3 ? total : Math.max(1, Math.round(total * (0.2 + 0.8 * cat.noise("agg-cast", t.id, order))));
    const { character, credit_id, order: _order, ...rest } = c;
    return {
      ...rest,
      roles: [{ credit_id: credit_id as string, character: character as string, episode_count: episodes }],
      total_episode_count: episodes,
      order,
    } as JsonObject;
  });
  const crew = credits.crew.map((c, k) => {
    const episodes = Math.max(1, Math.round(total * (0.3 + 0.7 * cat.noise("agg-crew", t.id, k))));
    const { credit_id, job, department, ...rest } = c;
    return {
      ...rest,
      jobs: [{ credit_id: credit_id as string, job: job as string, episode_count: episodes }],
      department: department as string,
      total_episode_count: episodes,
    } as JsonObject;
  });
  return { cast, crew };
}
