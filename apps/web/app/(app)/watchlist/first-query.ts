/** The watchlist view's first page (watchlist-view.tsx), which the page also asks on the server to seed the browser's cache (page.tsx). */
export const WATCHLIST_VARIABLES = { first: 50 };
