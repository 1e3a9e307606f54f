"use client";
// A signed-in page's view, loaded by the browser once the page needs it (each page's lazy-view.tsx):
// its code and Apollo Client's are then not among the page's first scripts, which the first paint
// waited for (Lighthouse's LCP; bench/README.md). The gate (apollo-gate.tsx) keeps the page's
// stand-in on screen while it loads. A function component around React's lazy(), because a Client
// Component the server renders must be a component itself, not a lazy one (React error 306).
import { type ComponentType, lazy } from "react";

export function lazyView<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  const View = lazy(async () => ({ default: await load() }));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page at module level (each page's lazy-view.tsx), never while rendering
  return function LazyView(props: Props) {
    return <View {...props} />;
  };
}
