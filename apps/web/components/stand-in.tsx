"use client";
// A signed-in page's stand-in (the `fallback` it gives SignedInApp, in the document the server sends)
// stays on screen, the same elements, until the page's view has something better to show: the gate
// (apollo-gate.tsx) keeps it while the view's first answer loads, and the view, meanwhile, shows
// nothing in its place. Before, the view drew the same stand-in again, and React threw the parser's
// away and made a copy (~20 cards on home) in the middle of the load (bench/README.md).
import { createContext, type ReactNode, use, useLayoutEffect } from "react";

export type StandInControl = {
  /** The gate's stand-in is still on screen. */
  shown: boolean;
  /** Keeps it there until the returned function is called. */
  hold: () => () => void;
};

export const StandInContext = createContext<StandInControl | null>(null);

/**
 * What a view renders while it has no more than the page's stand-in to show: nothing while the
 * gate's stand-in is still on screen (it stays), `children` once it has gone (a later load).
 */
export function KeepStandIn({ children }: { children: ReactNode }) {
  const control = use(StandInContext);
  const shown = control?.shown ?? false;
  const hold = control?.hold;
  useLayoutEffect(() => (shown && hold ? hold() : undefined), [shown, hold]);
  return shown ? null : children;
}

/** Rendered by the gate after the view: on its first commit, the stand-in goes unless the view holds it. */
export function ViewShown({ onShown }: { onShown: () => void }) {
  useLayoutEffect(() => onShown(), [onShown]);
  return null;
}
