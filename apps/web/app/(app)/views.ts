// Each signed-in page's view by name: the code the browser loads after the document has painted
// (components/lazy-view.tsx), and which the gate (components/apollo-gate.tsx) loads together with
// Apollo Client's, rather than once the provider has rendered. Not among the page's first scripts:
// only these loaders are.
import type { ComponentProps, ComponentType } from "react";

const loaders = {
  browse: () => import("./browse/browse-view").then((module) => module.BrowseView),
  favourites: () => import("./favourites/favourites-view").then((module) => module.FavouritesView),
  home: () => import("./home/home-view").then((module) => module.HomeView),
  onboarding: () => import("./onboarding/onboarding-view").then((module) => module.OnboardingView),
  search: () => import("./search/search-view").then((module) => module.SearchView),
  settings: () => import("./settings/settings-view").then((module) => module.SettingsView),
  title: () => import("./title/[type]/[tmdbId]/title-view").then((module) => module.TitleView),
  watchlist: () => import("./watchlist/watchlist-view").then((module) => module.WatchlistView),
};

export type ViewName = keyof typeof loaders;
export type ViewProps<Name extends ViewName> = ComponentProps<Awaited<ReturnType<(typeof loaders)[Name]>>>;
type View<Name extends ViewName> = ComponentType<ViewProps<Name>>;

const loaded = new Map<ViewName, unknown>();

/** The view's code, fetched once per tab. */
export async function loadView<Name extends ViewName>(name: Name): Promise<View<Name>> {
  const view = (await loaders[name]()) as View<Name>;
  loaded.set(name, view);
  return view;
}

/** The view if its code has already loaded: rendering it then suspends nothing. */
export function loadedView<Name extends ViewName>(name: Name): View<Name> | undefined {
  return loaded.get(name) as View<Name> | undefined;
}
