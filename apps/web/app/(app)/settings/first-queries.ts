// Variables Settings' panels ask their first queries with, shared with the page, which asks the
// same on the server to seed the browser's cache (page.tsx, lib/cache-seed.ts): a panel asking with
// other variables would find nothing seeded.

/** "Not interested": its first page (not-interested.tsx). */
export const NOT_INTERESTED_VARIABLES = { first: 20 };
