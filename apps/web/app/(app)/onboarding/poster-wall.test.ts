import { describe, expect, it } from "vitest";
import type { MediaCard } from "../../../lib/graphql";
import { interleave } from "./poster-wall";

const card = (id: string) => ({ id }) as MediaCard;
const ids = (cards: MediaCard[]) => cards.map((c) => c.id);

describe("interleave", () => {
  it("takes the lists in turn, each title once, up to the limit", () => {
    const popular = [card("a"), card("b"), card("c")];
    const acclaimed = [card("x"), card("a"), card("y")];
    const series = [card("s1")];
    expect(ids(interleave([popular, acclaimed, series], 10))).toEqual(["a", "x", "s1", "b", "c", "y"]);
    expect(ids(interleave([popular, acclaimed, series], 4))).toEqual(["a", "x", "s1", "b"]);
  });

  it("is empty for empty lists", () => {
    expect(interleave([[], []], 5)).toEqual([]);
  });
});
