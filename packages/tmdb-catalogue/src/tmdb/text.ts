// Lazily derived text of a title, from the catalogue seed: overview (from genre-family phrases),
// tagline and homepage. Hostile titles carry their own overview and tagline; real films have none
// (movies.json has no text, and an invented plot for a real film would be a lie).
import type { Catalogue } from "../catalogue.ts";
import * as D from "../data.ts";
import type { CatalogueTitle } from "../model.ts";
import { Rng } from "../random.ts";

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function flavourOf(t: CatalogueTitle): string {
  const primary = t.genreIds[0] ?? 18;
  const f = D.GENRE_FLAVOUR[primary] ?? "drama";
  if (f === "thriller" && t.genreIds.includes(80)) return "crime";
  return f;
}

export function overviewOf(cat: Catalogue, t: CatalogueTitle): string {
  if (t.overview !== undefined) return t.overview;
  if (t.real) return "";
  const rng = new Rng(cat.hash("overview", t.mediaType, t.id));
  if (t.popularity < 1 && rng.chance(0.04)) return "";
  const place = () => rng.pick(D.PLACES);
  if (t.mediaType === "tv") {
    if (t.type === "Talk Show")
      return `Celebrity guests, musicians and comedians join the host for conversation, games and sketches, taped in front of a live audience in ${place()}.`;
    if (t.type === "News") return `The day's headlines and in-depth reporting from ${place()} and around the world.`;
    if (t.type === "Reality")
      return `Contestants from across ${place()} compete in weekly challenges, but only one can take home the grand prize. ${rng.pick(D.CLOSERS)}`.trim();
  }
  if (t.genreIds[0] === 99) return `This documentary explores ${rng.pick(D.DOC_SUBJECTS)}. ${rng.pick(D.CLOSERS)}`.trim();
  const goals = D.GENRE_GOALS[flavourOf(t)] ?? (D.GENRE_GOALS["drama"] as readonly string[]);
  const setting = rng.pick(D.SETTINGS).replace("{place}", place());
  const who = rng.pick(D.PROTAGONISTS);
  const lead = t.mediaType === "tv" ? `Each week ${who}` : cap(who);
  return `${lead} ${rng.pick(goals)} ${setting}. ${rng.pick(D.CLOSERS)}`.trim();
}

export function taglineOf(cat: Catalogue, t: CatalogueTitle): string {
  if (t.tagline !== undefined) return t.tagline;
  if (t.real) return "";
  const rng = new Rng(cat.hash("tagline", t.mediaType, t.id));
  return rng.chance(t.mediaType === "movie" ? 0.7 : 0.35) ? rng.pick(D.TAGLINES) : "";
}

export function slugify(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function homepageOf(cat: Catalogue, t: CatalogueTitle): string {
  if (t.real) return "";
  if (cat.noise("homepage", t.mediaType, t.id) > (t.popularity > 20 ? 0.6 : 0.25)) return "";
  const slug = slugify(t.mediaType === "movie" ? t.title : t.name) || `${t.mediaType}-${t.id}`;
  return `https://www.${slug}.example/`;
}
