// What the browser may see (NEXT_PUBLIC_*; Next inlines each at build time, so each is named
// literally below). Checked by hand rather than with zod, which env.ts uses for the server's
// settings: two strings do not justify a schema library in every signed-in page's JavaScript.
// Empty values count as unset, as in env.ts.

/** The browser's settings from these values (exported for tests). */
export function parsePublicEnv(values: { NEXT_PUBLIC_PLAYGROUND_URL?: string; NEXT_PUBLIC_SCHEMA_VERSION?: string }) {
  const playground = values.NEXT_PUBLIC_PLAYGROUND_URL || "http://localhost:4000/playground";
  let protocol = "";
  try {
    protocol = new URL(playground).protocol;
  } catch {}
  if (protocol !== "http:" && protocol !== "https:") {
    throw new Error(`invalid web configuration:\n  NEXT_PUBLIC_PLAYGROUND_URL: not an http(s) URL: "${playground}"\nSee .env.example for every variable.`);
  }
  return {
    NEXT_PUBLIC_PLAYGROUND_URL: playground,
    /** A hash of the schema (next.config.ts): a new schema starts a fresh persisted cache. */
    NEXT_PUBLIC_SCHEMA_VERSION: values.NEXT_PUBLIC_SCHEMA_VERSION || "dev",
  };
}

export const publicEnv = parsePublicEnv({
  NEXT_PUBLIC_PLAYGROUND_URL: process.env.NEXT_PUBLIC_PLAYGROUND_URL,
  NEXT_PUBLIC_SCHEMA_VERSION: process.env.NEXT_PUBLIC_SCHEMA_VERSION,
});
