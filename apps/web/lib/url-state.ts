"use client";
// Page state kept in the address (browse filters, the search query): a reload keeps it and a link
// shares it. Written with the History API, which Next.js keeps useSearchParams in step with, so
// changing a filter costs no navigation and no server round trip. Next.js brings that change to
// useSearchParams a moment later (in a transition), so the page reads its own copy, changed at
// once: a controlled checkbox or select must show its new value in the same render, or the browser
// sees the click undone. Back and Forward reach the copy through their popstate event, and links
// (the same page with other parameters) through useSearchParams.
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

export type ParamChanges = Record<string, string | null | undefined>;

export function useUrlParams(): [URLSearchParams, (changes: ParamChanges, options?: { push?: boolean }) => void] {
  const fromAddress = useSearchParams().toString();
  const pathname = usePathname();
  const [params, setParams] = useState(() => new URLSearchParams(fromAddress));
  // When useSearchParams changes (Back, Forward, or catching up with our own writes), the copy is
  // read from the address bar itself, which our writes change at once: useSearchParams may bring an
  // older write of ours after a newer one (two filters changed in quick succession), and copying
  // that would undo the newer change and let the next write drop it from the address.
  // biome-ignore lint/correctness/useExhaustiveDependencies: fromAddress says when to read; the address bar is what is read
  useEffect(() => setParams(new URLSearchParams(window.location.search)), [fromAddress]);
  // Back and Forward are also read at once from the event: Next.js brings them to useSearchParams in
  // a transition, and one that lands together with the transition of our own write just before (a
  // Back within a frame of a new search) leaves useSearchParams where it was, so the effect above
  // would not run and the page would go on showing the search the address has left.
  useEffect(() => {
    // Only while the address is still this page's: Back to another page would otherwise render this
    // one once more with that page's parameters (and ask for them) before it goes.
    const fromHistory = () => {
      if (window.location.pathname === pathname) setParams(new URLSearchParams(window.location.search));
    };
    window.addEventListener("popstate", fromHistory);
    return () => window.removeEventListener("popstate", fromHistory);
  }, [pathname]);
  const update = (changes: ParamChanges, options: { push?: boolean } = {}) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === "") next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
    const query = next.toString();
    const url = query ? `${pathname}?${query}` : pathname;
    // A new search is a step Back can return to; a filter tweak replaces the current entry.
    if (options.push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };
  return [params, update];
}
