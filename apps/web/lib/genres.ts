// Genres as the pickers list them, shared by the browser (use-genres.ts) and the server's stand-ins
// (browse-preview.tsx): both must offer the same options, or a select changes width when the view
// takes the stand-in's place.

interface GenreOption {
  id: string;
  tmdbId: number;
  name: string;
}

/** Film and series genres together (they share ids such as 18 Drama), sorted by name. */
export function mergeGenres<Genre extends GenreOption>(movieGenres: readonly Genre[] = [], tvGenres: readonly Genre[] = []): Genre[] {
  const byId = new Map<number, Genre>();
  for (const genre of [...movieGenres, ...tvGenres]) byId.set(genre.tmdbId, genre);
  return byName([...byId.values()]);
}

/** Each kind's own genres, sorted by name: what Browse offers for films and for series. */
export type GenresByType<Genre extends GenreOption = GenreOption> = Readonly<Record<"MOVIE" | "TV", readonly Genre[]>>;

/**
 * Film and series genres apart. TMDB numbers them apart (films' Action is 28, series' "Action &
 * Adventure" 10759; series have no Horror), so a film genre asked of series finds nothing.
 */
export function genresByType<Genre extends GenreOption>(movieGenres: readonly Genre[] = [], tvGenres: readonly Genre[] = []): GenresByType<Genre> {
  return { MOVIE: byName(movieGenres), TV: byName(tvGenres) };
}

function byName<Genre extends GenreOption>(genres: readonly Genre[]): Genre[] {
  return genres
    .map((genre) => ({ genre, key: sortKey(genre.name) }))
    .sort(byKey)
    .map(({ genre }) => genre);
}

/**
 * A name as an alphabetical list orders it in English and French: accents and case set aside
 * ("Épouvante" between "Drame" and "Familial"). Not `localeCompare`: a page's first collator loads
 * the browser's locale data, 15–25 ms of one task at full speed (four times that on Lighthouse's
 * phone), and browse's genre picker was the only one it made while loading (bench/README.md).
 * genres.test.ts checks the order against Intl.Collator's for TMDB's genre names in both languages.
 */
function sortKey(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function byKey(a: { key: string; genre: GenreOption }, b: { key: string; genre: GenreOption }): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.genre.name < b.genre.name ? -1 : a.genre.name > b.genre.name ? 1 : 0;
}
