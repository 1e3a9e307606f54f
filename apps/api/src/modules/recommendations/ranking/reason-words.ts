// What a reason says, as data, and how to say it in each language the API speaks (English, French:
// graphql/locale.ts). The ranking builds the words once; the English text is stored with them, and
// a French caller's text is said from the same words when the reason is read
// (recommendation.resolver.ts), with genre names in French from TMDB's own French genre list.
import { formatCount } from "./signals.ts";
import type { Locale } from "../../../graphql/locale.ts";

export type ReasonWords =
  | { say: "becauseYouLiked" | "peopleAlsoLiked"; title: string }
  | { say: "directedBy" | "with"; name: string }
  /** `name` is the genre's English name; other languages look `genre` up. */
  | { say: "topRatedGenre" | "becauseYouLikeGenre" | "somethingDifferentGenre"; genre: number; name: string }
  | { say: "highlyRated" | "wellRated"; average: number; votes: number }
  | { say: "hiddenGem" | "newRelease" | "popular" | "somethingDifferent" }
  | { say: "inLanguage"; language: string }
  | { say: "favouriteEra"; decade: number }
  | { say: "fromYear"; year: number };

const ENGLISH_LANGUAGES: Readonly<Record<string, string>> = {
  en: "English",
  fr: "French",
  es: "Spanish",
  de: "German",
  it: "Italian",
  ja: "Japanese",
  ko: "Korean",
  zh: "Chinese",
  hi: "Hindi",
  pt: "Portuguese",
  sv: "Swedish",
  da: "Danish",
  no: "Norwegian",
  ru: "Russian",
  tr: "Turkish",
  pl: "Polish",
  nl: "Dutch",
  th: "Thai",
  cn: "Cantonese",
  fi: "Finnish",
};

function english(w: ReasonWords): string {
  switch (w.say) {
    case "becauseYouLiked":
      return `Because you liked ${w.title}`;
    case "peopleAlsoLiked":
      return `People who liked ${w.title} also liked this`;
    case "directedBy":
      return `Directed by ${w.name}`;
    case "with":
      return `With ${w.name}`;
    case "topRatedGenre":
      return `Top-rated ${w.name}`;
    case "becauseYouLikeGenre":
      return `Because you like ${w.name}`;
    case "somethingDifferentGenre":
      return `Something different: ${w.name}`;
    case "highlyRated":
      return `Highly rated: ${w.average.toFixed(1)} from ${formatCount(w.votes)} votes`;
    case "wellRated":
      return `Well rated: ${w.average.toFixed(1)} from ${formatCount(w.votes)} votes`;
    case "hiddenGem":
      return "Hidden gem";
    case "newRelease":
      return "New release";
    case "popular":
      return "Popular right now";
    case "somethingDifferent":
      return "Something different";
    case "inLanguage":
      return `In ${ENGLISH_LANGUAGES[w.language] ?? w.language.toUpperCase()}`;
    case "favouriteEra":
      return `From your favourite era (${w.decade}s)`;
    case "fromYear":
      return `From ${w.year}`;
  }
}

const frenchNumber = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const frenchCount = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const frenchLanguages = new Intl.DisplayNames(["fr"], { type: "language", fallback: "none" });

function frenchLanguage(code: string): string {
  if (code === "cn") return "cantonais";
  try {
    return frenchLanguages.of(code) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

function french(w: ReasonWords, genreName: (id: number) => string | undefined): string {
  switch (w.say) {
    case "becauseYouLiked":
      return `Parce que vous avez aimé ${w.title}`;
    case "peopleAlsoLiked":
      return `Ceux qui ont aimé ${w.title} ont aussi aimé celui-ci`;
    case "directedBy":
      return `Réalisé par ${w.name}`;
    case "with":
      return `Avec ${w.name}`;
    case "topRatedGenre":
      return `Parmi les mieux notés : ${genreName(w.genre) ?? w.name}`;
    case "becauseYouLikeGenre":
      return `Parce que vous aimez : ${genreName(w.genre) ?? w.name}`;
    case "somethingDifferentGenre":
      return `Pour changer : ${genreName(w.genre) ?? w.name}`;
    case "highlyRated":
      return `Très bien noté : ${frenchNumber.format(w.average)} sur ${frenchCount.format(w.votes)} votes`;
    case "wellRated":
      return `Bien noté : ${frenchNumber.format(w.average)} sur ${frenchCount.format(w.votes)} votes`;
    case "hiddenGem":
      return "Pépite méconnue";
    case "newRelease":
      return "Nouveauté";
    case "popular":
      return "Populaire en ce moment";
    case "somethingDifferent":
      return "Pour changer";
    case "inLanguage":
      return `En ${frenchLanguage(w.language)}`;
    case "favouriteEra":
      return `De votre époque préférée (années ${w.decade})`;
    case "fromYear":
      return `De ${w.year}`;
  }
}

/** The words in `locale`; `genreName` names a genre id in that locale (English words carry their own). */
export function sayReason(words: ReasonWords, locale: Locale, genreName: (id: number) => string | undefined = () => undefined): string {
  return locale === "fr" ? french(words, genreName) : english(words);
}
