"use client";
// The view's code (with Apollo Client's) loads after the document has painted; the page's stand-in
// shows meanwhile (components/lazy-view.tsx, components/apollo-gate.tsx).
import { lazyView } from "../../../components/lazy-view";

export const HomeView = lazyView(() => import("./home-view").then((module) => module.HomeView));
