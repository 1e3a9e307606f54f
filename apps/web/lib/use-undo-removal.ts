"use client";
// Which title a list page should offer to bring back: the latest one of its list that the person
// just took off it (favourites: no longer a favourite; watchlist: no longer on it). The mutation's
// optimistic answer flips the flag at once, so the page filters the title out and this hook names it
// until Undo flips it back or the message is closed. A title that comes back is forgotten, so taking
// it off again offers Undo again.
import { useReducer, useRef } from "react";

export function useUndoRemoval<Item extends { id: string }>(items: readonly Item[], isRemoved: (item: Item) => boolean) {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  /** Each removed title's place in the order of removals, and the ones whose message was closed. */
  const removedAt = useRef(new Map<string, number>());
  const closed = useRef(new Set<string>());
  const next = useRef(0);
  /** Each title as it was last seen on the list: what Undo puts back (its watched date, say). */
  const lastListed = useRef(new Map<string, Item>());
  let latest: Item | undefined;
  for (const item of items) {
    if (!isRemoved(item)) {
      lastListed.current.set(item.id, item);
      removedAt.current.delete(item.id);
      closed.current.delete(item.id);
      continue;
    }
    if (!removedAt.current.has(item.id)) removedAt.current.set(item.id, next.current++);
    if (closed.current.has(item.id)) continue;
    if (!latest || removedAt.current.get(item.id)! > removedAt.current.get(latest.id)!) latest = item;
  }
  return {
    removed: latest,
    /** The removed title as it was before it was taken off (undefined if it was never seen listed). */
    removedWas: latest && lastListed.current.get(latest.id),
    close(id: string) {
      closed.current.add(id);
      rerender();
    },
  };
}

/**
 * When each title was added to a list, as last seen on it: Undo puts a title back with that date (in
 * its place), even once the list has been asked again without it.
 */
export function useAddedDates(edges: ReadonlyArray<{ addedAt: string; node: { id: string } }> | undefined): ReadonlyMap<string, string> {
  const dates = useRef(new Map<string, string>());
  for (const edge of edges ?? []) dates.current.set(edge.node.id, edge.addedAt);
  return dates.current;
}
