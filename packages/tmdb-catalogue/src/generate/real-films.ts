// The real films: vega-datasets' movies.json (title, release date, IMDb rating and votes, genre,
// source, director, runtime, MPAA rating, budget, gross, distributor), read once, and how a real
// film's genre, creative type and source map to TMDB genres and keywords.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { repairMacRoman } from "./mojibake.ts";

export interface RealFilm {
  title: string;
  releaseDate: string;
  imdbRating: number | null;
  imdbVotes: number | null;
  majorGenre: string | null;
  creativeType: string | null;
  source: string | null;
  director: string | null;
  runtime: number | null;
  mpaa: string | null;
  budget: number | null;
  gross: number | null;
  distributor: string | null;
}

const MONTHS: Readonly<Record<string, number>> = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 };

function moviesJsonPath(): string | undefined {
  const candidates: string[] = [];
  try {
    const require = createRequire(import.meta.url);
    candidates.push(join(dirname(require.resolve("vega-datasets")), "..", "data", "movies.json"));
  } catch {
    // fall through to the relative location
  }
  candidates.push(fileURLToPath(new URL("../node_modules/vega-datasets/data/movies.json", import.meta.url)));
  return candidates.find((p) => existsSync(p));
}

function str(v: unknown): string | null {
  if (typeof v === "string" && v.trim() !== "") return repairMacRoman(v.trim());
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

let realFilmsCache: readonly RealFilm[] | undefined;

/** The real films of vega-datasets' movies.json (cached; [] if the file cannot be found). */
export function loadRealFilms(): readonly RealFilm[] {
  if (realFilmsCache) return realFilmsCache;
  const file = moviesJsonPath();
  const out: RealFilm[] = [];
  if (file) {
    const raw = JSON.parse(readFileSync(file, "utf8")) as Array<Record<string, unknown>>;
    for (const row of raw) {
      const title = str(row["Title"]);
      const date = str(row["Release Date"]);
      if (!title || !date) continue;
      const m = /^([A-Z][a-z]{2}) (\d{1,2}) (\d{4})$/.exec(date);
      if (!m) continue;
      const month = MONTHS[m[1] as string];
      if (!month) continue;
      let year = Number(m[3]);
      // movies.json was built with two-digit years: anything after its 2010 cut-off is 100 years early
      if (year > 2010) year -= 100;
      const releaseDate = `${year}-${String(month).padStart(2, "0")}-${String(m[2]).padStart(2, "0")}`;
      out.push({
        title,
        releaseDate,
        imdbRating: num(row["IMDB Rating"]),
        imdbVotes: num(row["IMDB Votes"]),
        majorGenre: str(row["Major Genre"]),
        creativeType: str(row["Creative Type"]),
        source: str(row["Source"]),
        director: str(row["Director"]),
        runtime: num(row["Running Time min"]),
        mpaa: str(row["MPAA Rating"]),
        budget: num(row["Production Budget"]),
        gross: num(row["Worldwide Gross"]),
        distributor: str(row["Distributor"]),
      });
    }
  }
  realFilmsCache = out;
  return out;
}

/**
 * A real film's TMDB genres, only what movies.json says: its major genre, then its creative type
 * where that is a genre TMDB has. Nothing is added to fill a list: a film movies.json gives no
 * genre has none, Black Comedy is a comedy (its darkness is a keyword), and Super Hero is a keyword,
 * not a genre (The Dark Knight is an Action film, not Science Fiction).
 */
export function mapRealGenres(film: RealFilm): number[] {
  const out: number[] = [];
  const add = (...ids: number[]) => ids.forEach((id) => !out.includes(id) && out.push(id));
  switch (film.majorGenre) {
    case "Drama":
      add(18);
      break;
    case "Comedy":
    case "Black Comedy":
      add(35);
      break;
    case "Musical":
      add(10402);
      break;
    case "Thriller/Suspense":
      add(53);
      break;
    case "Adventure":
      add(12);
      break;
    case "Action":
      add(28);
      break;
    case "Romantic Comedy":
      add(10749, 35);
      break;
    case "Horror":
      add(27);
      break;
    case "Western":
      add(37);
      break;
    case "Documentary":
      add(99);
      break;
    case "Concert/Performance":
      add(99, 10402);
      break;
    default:
      break;
  }
  switch (film.creativeType) {
    case "Science Fiction":
      add(878);
      break;
    case "Fantasy":
      add(14);
      break;
    case "Historical Fiction":
      add(36);
      break;
    case "Kids Fiction":
      add(10751);
      break;
    default:
      break;
  }
  return out;
}

/** A real film's keywords: what movies.json says of its source, creative type and genre, in TMDB's words. */
export function realKeywords(film: RealFilm): string[] {
  const out: string[] = [];
  switch (film.source) {
    case "Based on Book/Short Story":
      out.push("based on novel or book");
      break;
    case "Remake":
      out.push("remake");
      break;
    case "Based on Comic/Graphic Novel":
      out.push("based on comic");
      break;
    case "Based on Real Life Events":
      out.push("based on true story");
      break;
    case "Based on Play":
    case "Based on Musical/Opera":
      out.push("based on play or musical");
      break;
    case "Traditional/Legend/Fairytale":
      out.push("fairy tale");
      break;
    default:
      break;
  }
  if (film.creativeType === "Super Hero") out.push("superhero");
  if (film.majorGenre === "Black Comedy") out.push("dark comedy");
  if (film.majorGenre === "Musical") out.push("musical");
  if (film.majorGenre === "Concert/Performance") out.push("concert");
  return out;
}
