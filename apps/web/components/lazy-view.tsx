"use client";
// A signed-in page's view, loaded by the browser once the page needs it (each page's lazy-view.tsx,
// app/(app)/views.ts): its code and Apollo Client's are then not among the page's first scripts,
// which the first paint waited for (Lighthouse's LCP; bench/README.md). The gate (apollo-gate.tsx)
// keeps the page's stand-in on screen while both load. A function component around React's lazy(),
// because a Client Component the server renders must be a component itself, not a lazy one (React
// error 306).
import { type ComponentType, lazy, useState } from "react";
import { loadedView, loadView, type ViewName, type ViewProps } from "../app/(app)/views";

export function lazyView<Name extends ViewName>(name: Name): ComponentType<ViewProps<Name>> {
  const Lazy = lazy(async () => ({ default: await loadView(name) }));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page at module level (each page's lazy-view.tsx), never while rendering
  return function LazyView(props: ViewProps<Name>) {
    // The gate has usually loaded the view already, with Apollo Client: the view itself then, so it
    // renders in the same pass as the provider, without suspending. Chosen once per mount (another
    // component type would mount the view anew).
    const [View] = useState(() => (loadedView(name) ?? Lazy) as ComponentType<object>);
    return <View {...(props as object)} />;
  };
}
