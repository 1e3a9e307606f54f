"use client";
// The view's code (with Apollo Client's) loads after the document has painted; the page's stand-in
// shows meanwhile (components/lazy-view.tsx, components/apollo-gate.tsx, app/(app)/views.ts).
import { lazyView } from "../../../components/lazy-view";

export const SettingsView = lazyView("settings");
