// Choices offered in onboarding and settings.
export const LANGUAGES = [
  { code: "en", name: "English" },
  { code: "fr", name: "French" },
  { code: "es", name: "Spanish" },
  { code: "de", name: "German" },
  { code: "it", name: "Italian" },
  { code: "ja", name: "Japanese" },
  { code: "ko", name: "Korean" },
  { code: "hi", name: "Hindi" },
  { code: "zh", name: "Chinese" },
];

export const ERAS = [
  { id: "classic", label: "Classics (before 1970)", from: 1900, to: 1969 },
  { id: "70s-80s", label: "1970s and 1980s", from: 1970, to: 1989 },
  { id: "90s-00s", label: "1990s and 2000s", from: 1990, to: 2009 },
  { id: "recent", label: "2010 onwards", from: 2010, to: null },
] as const;

/** The picked eras as one year range (the API keeps a single range). */
export function yearRange(eraIds: string[]): { yearFrom: number | null; yearTo: number | null } {
  const picked = ERAS.filter((era) => eraIds.includes(era.id));
  if (picked.length === 0) return { yearFrom: null, yearTo: null };
  const yearFrom = Math.min(...picked.map((era) => era.from));
  const yearTo = picked.some((era) => era.to === null) ? null : Math.max(...picked.map((era) => era.to ?? 0));
  return { yearFrom, yearTo };
}
