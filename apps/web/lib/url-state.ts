"use client";
// Page state kept in the address (browse filters, the search query): a reload keeps it and a link
// shares it. Written with the History API, which Next.js keeps useSearchParams in step with, so
// changing a filter costs no navigation and no server round trip.
import { usePathname, useSearchParams } from "next/navigation";

export type ParamChanges = Record<string, string | null | undefined>;

export function useUrlParams(): [URLSearchParams, (changes: ParamChanges, options?: { push?: boolean }) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const update = (changes: ParamChanges, options: { push?: boolean } = {}) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === "") next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    const url = query ? `${pathname}?${query}` : pathname;
    // A new search is a step back can return to; a filter tweak replaces the current entry.
    if (options.push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };
  return [new URLSearchParams(params.toString()), update];
}
