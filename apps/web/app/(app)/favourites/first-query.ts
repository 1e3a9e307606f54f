/** The favourites view's first page (favourites-view.tsx), which the page also asks on the server to seed the browser's cache (page.tsx). */
export const FAVOURITES_VARIABLES = { first: 24 };
