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
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
