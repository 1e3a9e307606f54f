// Synthetic titles: English titles from word lists by genre and media (talk shows, news, reality,
// kids, documentaries have their own patterns), and native-language original titles.
import * as D from "../data.ts";
import type { Rng } from "../random.ts";

function plural(noun: string): string {
  if (/s$/.test(noun)) return noun;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(ch|sh|x)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

const GENRE_NOUN_KEY: Readonly<Record<string, string>> = {
  horror: "horror",
  scifi: "scifi",
  romance: "romance",
  comedy: "comedy",
  crime: "crime",
  thriller: "crime",
  war: "war",
  western: "western",
  family: "family",
  music: "music",
  fantasy: "fantasy",
  documentary: "documentary",
  action: "crime",
  adventure: "family",
  mystery: "crime",
  history: "war",
  drama: "",
};

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? "An" : "A";
}

export function synthTitle(rng: Rng, genreIds: readonly number[], media: "movie" | "tv", nameGroup = "en"): string {
  const primary = genreIds[0] ?? 18;
  const flavour = D.GENRE_FLAVOUR[primary] ?? "drama";
  const gnouns = D.GENRE_NOUNS[GENRE_NOUN_KEY[flavour] ?? ""];
  const N = () => (gnouns && rng.chance(0.45) ? rng.pick(gnouns) : rng.pick(D.TITLE_NOUNS));
  const A = () => rng.pick(D.TITLE_ADJECTIVES);
  const P = () => rng.pick(D.PLACES);
  const en = D.NAME_GROUPS[nameGroup] ?? (D.NAME_GROUPS["en"] as D.NameList);
  const F = () => rng.pick(rng.chance(0.5) ? en.male : en.female);
  const L = () => rng.pick(en.last);
  if (media === "tv") {
    if (genreIds.includes(10767)) return rng.pick([`Late Night with ${F()} ${L()}`, `The ${F()} ${L()} Show`, `${P()} Tonight`, `Sunday with ${F()}`]);
    if (genreIds.includes(10763)) return rng.pick([`${P()} Tonight`, `The ${N()} Report`, `${P()} News Hour`, `Morning ${P()}`]);
    if (genreIds.includes(10764))
      return rng.pick([
        `The Great ${P()} Cook-Off`,
        `Island of Love: ${P()}`,
        `Top ${N()}`,
        `The Real Neighbours of ${P()}`,
        `${P()} House Flip`,
        `Stranded: ${P()}`,
        `${A()} Kitchen`,
      ]);
    if (genreIds.includes(10762))
      return rng.pick([
        `${A()} ${rng.pick(D.ANIMALS)}`,
        `${rng.pick(D.ANIMALS)} and Friends`,
        `The ${rng.pick(D.ANIMALS)} Squad`,
        `Little ${rng.pick(D.ANIMALS)}`,
      ]);
    if (primary === 99) return rng.pick([`Planet ${N()}`, `Inside the ${N()}`, `${P()}: ${A()} ${N()}`, `The ${N()} Files`, `Our ${A()} ${N()}`]);
    return rng.weighted<() => string>([
      [() => P(), 2],
      [() => `The ${N()}`, 2],
      [() => `${A()} ${N()}`, 2],
      [() => `${P()} ${plural(N())}`, 1.5],
      [() => `The ${plural(L())}`, 1],
      [() => `${N()} & ${N()}`, 0.5],
      [() => `${F()} & ${F()}`, 0.5],
      [() => `${A()} ${plural(N())}`, 1],
    ])();
  }
  if (primary === 99) return rng.pick([`Inside the ${N()}`, `The ${N()} Project`, `${P()}: ${A()} ${N()}`, `The ${A()} ${N()}`, `Chasing the ${N()}`]);
  if (primary === 16 || primary === 10751) {
    if (rng.chance(0.4)) return rng.pick([`The ${A()} ${rng.pick(D.ANIMALS)}`, `${rng.pick(D.ANIMALS)} ${N()}`, `A ${rng.pick(D.ANIMALS)} Called ${F()}`]);
  }
  return rng.weighted<() => string>([
    [() => `The ${A()} ${N()}`, 5],
    [() => `${A()} ${N()}`, 3],
    [() => `The ${N()}`, 2],
    [() => `${N()} of the ${N()}`, 1.5],
    [() => `The Last ${N()}`, 1],
    [() => `${F()}'s ${N()}`, 1],
    [() => P(), 0.7],
    [() => `${N()} in ${P()}`, 1],
    [
      () => {
        const a = A();
        return `${article(a)} ${a} ${N()}`;
      },
      1,
    ],
    [() => `${A()} ${plural(N())}`, 1],
    [() => `${P()} ${N()}`, 1],
    [() => `Into the ${A()} ${N()}`, 0.6],
    [() => `Beyond the ${N()}`, 0.6],
    [() => `After the ${N()}`, 0.6],
  ])();
}

export function nativeTitle(rng: Rng, lang: string, fallback: string): string {
  const native = D.NATIVE_WORDS[lang];
  if (!native || rng.chance(0.12)) return fallback;
  const w1 = rng.pick(native.words);
  let w2 = rng.pick(native.words);
  if (w2 === w1) w2 = rng.pick(native.words);
  return rng.chance(0.4) ? w1 : `${w1}${native.joiner}${w2}`;
}
