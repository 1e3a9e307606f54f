// Original languages titles are drawn from (with their weights for movies and tv, their
// countries and the name list their people use), and the countries' English names.

export interface LanguageEntry {
  code: string;
  englishName: string;
  nativeName: string;
  movieWeight: number;
  tvWeight: number;
  countries: ReadonlyArray<readonly [string, number]>;
  /** which name list people of this language draw from */
  nameGroup: string;
}

export const LANGUAGES: readonly LanguageEntry[] = [
  {
    code: "en",
    englishName: "English",
    nativeName: "English",
    movieWeight: 62,
    tvWeight: 55,
    countries: [
      ["US", 70],
      ["GB", 22],
      ["CA", 4],
      ["AU", 4],
    ],
    nameGroup: "en",
  },
  {
    code: "fr",
    englishName: "French",
    nativeName: "Français",
    movieWeight: 6,
    tvWeight: 4,
    countries: [
      ["FR", 85],
      ["BE", 8],
      ["CA", 7],
    ],
    nameGroup: "fr",
  },
  {
    code: "es",
    englishName: "Spanish",
    nativeName: "Español",
    movieWeight: 6,
    tvWeight: 6,
    countries: [
      ["ES", 50],
      ["MX", 35],
      ["AR", 15],
    ],
    nameGroup: "es",
  },
  { code: "ja", englishName: "Japanese", nativeName: "日本語", movieWeight: 6, tvWeight: 12, countries: [["JP", 1]], nameGroup: "ja" },
  { code: "ko", englishName: "Korean", nativeName: "한국어/조선말", movieWeight: 5, tvWeight: 9, countries: [["KR", 1]], nameGroup: "ko" },
  {
    code: "de",
    englishName: "German",
    nativeName: "Deutsch",
    movieWeight: 3,
    tvWeight: 3,
    countries: [
      ["DE", 85],
      ["AT", 15],
    ],
    nameGroup: "de",
  },
  { code: "it", englishName: "Italian", nativeName: "Italiano", movieWeight: 3, tvWeight: 2, countries: [["IT", 1]], nameGroup: "it" },
  { code: "hi", englishName: "Hindi", nativeName: "हिन्दी", movieWeight: 3, tvWeight: 2, countries: [["IN", 1]], nameGroup: "hi" },
  {
    code: "zh",
    englishName: "Mandarin",
    nativeName: "普通话",
    movieWeight: 2,
    tvWeight: 3,
    countries: [
      ["CN", 70],
      ["TW", 30],
    ],
    nameGroup: "zh",
  },
  {
    code: "pt",
    englishName: "Portuguese",
    nativeName: "Português",
    movieWeight: 1.5,
    tvWeight: 2,
    countries: [
      ["BR", 70],
      ["PT", 30],
    ],
    nameGroup: "pt",
  },
  { code: "sv", englishName: "Swedish", nativeName: "svenska", movieWeight: 1, tvWeight: 1, countries: [["SE", 1]], nameGroup: "nordic" },
  { code: "da", englishName: "Danish", nativeName: "Dansk", movieWeight: 0.7, tvWeight: 0.7, countries: [["DK", 1]], nameGroup: "nordic" },
  { code: "ru", englishName: "Russian", nativeName: "Pусский", movieWeight: 0.8, tvWeight: 0.6, countries: [["RU", 1]], nameGroup: "ru" },
  { code: "tr", englishName: "Turkish", nativeName: "Türkçe", movieWeight: 0.5, tvWeight: 0.7, countries: [["TR", 1]], nameGroup: "tr" },
];

export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  US: "United States of America",
  GB: "United Kingdom",
  CA: "Canada",
  AU: "Australia",
  FR: "France",
  BE: "Belgium",
  ES: "Spain",
  MX: "Mexico",
  AR: "Argentina",
  JP: "Japan",
  KR: "South Korea",
  DE: "Germany",
  AT: "Austria",
  IT: "Italy",
  IN: "India",
  CN: "China",
  TW: "Taiwan",
  BR: "Brazil",
  PT: "Portugal",
  SE: "Sweden",
  DK: "Denmark",
  RU: "Russia",
  TR: "Turkey",
};
