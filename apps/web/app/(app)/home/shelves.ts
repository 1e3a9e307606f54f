// Home's shelves, made from one ranked page of recommendations: the page is already ordered and
// explained by the API, so a shelf is a view of it by reason, the way streaming apps show rows
// ("Because you liked Heat", "New for you"). Pure, so it is unit-tested (shelves.test.ts).
import type { MediaCard, Reason } from "../../../lib/graphql";

export interface RankedItem {
  media: MediaCard;
  reasons: Reason[];
}

/** A shelf's own heading, by its key in the home.shelves messages. */
export type ShelfHeading = "topPicks" | "becauseOfYourTitles" | "newForYou" | "hiddenGems";

/** What a shelf is called: one of our headings (shown in the interface's language), or the API's own reason text. */
export type ShelfTitle = { heading: ShelfHeading } | { text: string };

export interface Shelf {
  /** Stable across renders (a React key and the shelf's test id). */
  key: string;
  title: ShelfTitle;
  items: RankedItem[];
}

/**
 * One ranked page feeds every shelf (the API's largest page): the view asks for it, and the page asks
 * the same on the server to seed the browser's cache with it (page.tsx).
 */
export const HOME_PAGE_SIZE = 50;

/** How many titles the first shelf shows; the rest of the page goes below it as "More for you". */
export const TOP_PICKS = 20;
/** A reason shelf appears with at least this many titles (fewer reads as an accident). */
export const MIN_SHELF = 4;
/** At most this many "Because you liked" shelves, the seeds with the most titles first. */
export const MAX_SEED_SHELVES = 3;
/** A reason shelf shows at most this many (its best by rank): a row, not a second list. */
export const MAX_SHELF = 12;

const SEED_KINDS = new Set(["BECAUSE_YOU_LIKED", "PEOPLE_ALSO_LIKED"]);
/** The last word of the API's people-also-liked reason in each language it writes (reason-words.ts). */
const OF_THIS_ONE = / (this|celui-ci)$/;

/**
 * The heading of a seed's shelf: its "Because you liked Heat" reason when one of its titles has it;
 * otherwise the people-also-liked reason as a heading ("People who liked Heat also liked"). The API
 * writes those texts; our own fallback heading is a message key.
 */
function seedTitle(group: RankedItem[], seed: string): ShelfTitle {
  const reasons = group.flatMap((item) => item.reasons.filter((reason) => reason.refersTo === seed));
  const because = reasons.find((reason) => reason.kind === "BECAUSE_YOU_LIKED");
  if (because) return { text: because.text };
  const people = reasons.find((reason) => reason.kind === "PEOPLE_ALSO_LIKED");
  return people ? { text: people.text.replace(OF_THIS_ONE, "") } : { heading: "becauseOfYourTitles" };
}

/**
 * Top picks (the first TOP_PICKS in rank order), then up to three "Because you liked X" shelves,
 * "New for you" and "Hidden gems", each in rank order, shown only with MIN_SHELF titles or more and
 * cut at MAX_SHELF.
 * A title can appear on more than one shelf, as on every streaming home.
 */
export function homeShelves(items: RankedItem[]): Shelf[] {
  if (items.length === 0) return [];
  const shelves: Shelf[] = [{ key: "top-picks", title: { heading: "topPicks" }, items: items.slice(0, TOP_PICKS) }];

  const bySeed = new Map<string, RankedItem[]>();
  for (const item of items) {
    const seed = item.reasons.find((reason) => SEED_KINDS.has(reason.kind) && reason.refersTo)?.refersTo;
    if (!seed) continue;
    const group = bySeed.get(seed);
    if (group) group.push(item);
    else bySeed.set(seed, [item]);
  }
  const seeds = [...bySeed.entries()].filter(([, group]) => group.length >= MIN_SHELF);
  // Largest first; ties keep the order of the seed's best-ranked title (Map order is first sighting).
  seeds.sort((a, b) => b[1].length - a[1].length);
  for (const [seed, group] of seeds.slice(0, MAX_SEED_SHELVES)) {
    shelves.push({ key: `seed-${seed}`, title: seedTitle(group, seed), items: group.slice(0, MAX_SHELF) });
  }

  const byKind = (kind: string) => items.filter((item) => item.reasons.some((reason) => reason.kind === kind));
  const fresh = byKind("NEW_RELEASE");
  if (fresh.length >= MIN_SHELF) shelves.push({ key: "new", title: { heading: "newForYou" }, items: fresh.slice(0, MAX_SHELF) });
  const gems = byKind("HIDDEN_GEM");
  if (gems.length >= MIN_SHELF) shelves.push({ key: "hidden-gems", title: { heading: "hiddenGems" }, items: gems.slice(0, MAX_SHELF) });
  return shelves;
}
