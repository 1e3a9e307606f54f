import { describe, expect, it } from "vitest";
import { type ReasonWords, sayReason } from "./reason-words.ts";

const frenchGenres = new Map([[35, "Comédie"]]);
const fr = (words: ReasonWords) => sayReason(words, "fr", (id) => frenchGenres.get(id));

describe("reason words", () => {
  it("say in English what reasons always said", () => {
    expect(sayReason({ say: "becauseYouLiked", title: "Heat" }, "en")).toBe("Because you liked Heat");
    expect(sayReason({ say: "peopleAlsoLiked", title: "Heat" }, "en")).toBe("People who liked Heat also liked this");
    expect(sayReason({ say: "directedBy", name: "Michael Mann" }, "en")).toBe("Directed by Michael Mann");
    expect(sayReason({ say: "topRatedGenre", genre: 35, name: "Comedy" }, "en")).toBe("Top-rated Comedy");
    expect(sayReason({ say: "highlyRated", average: 8.44, votes: 12345 }, "en")).toBe("Highly rated: 8.4 from 12,345 votes");
    expect(sayReason({ say: "inLanguage", language: "ko" }, "en")).toBe("In Korean");
    expect(sayReason({ say: "favouriteEra", decade: 1980 }, "en")).toBe("From your favourite era (1980s)");
  });

  it("say the same in French, with French genre, language and number forms", () => {
    expect(fr({ say: "becauseYouLiked", title: "Heat" })).toBe("Parce que vous avez aimé Heat");
    expect(fr({ say: "topRatedGenre", genre: 35, name: "Comedy" })).toBe("Parmi les mieux notés : Comédie");
    // A genre with no French name keeps its English one rather than saying nothing.
    expect(fr({ say: "becauseYouLikeGenre", genre: 10762, name: "Kids" })).toBe("Parce que vous aimez : Kids");
    expect(fr({ say: "highlyRated", average: 8.44, votes: 12345 }).replace(/\s/g, " ")).toBe("Très bien noté : 8,4 sur 12 345 votes");
    expect(fr({ say: "inLanguage", language: "ko" })).toBe("En coréen");
    expect(fr({ say: "favouriteEra", decade: 1980 })).toBe("De votre époque préférée (années 1980)");
  });
});
