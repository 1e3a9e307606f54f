// The Next.js server's own settings, secrets included, parsed with zod on first use, so a bad value
// stops with a message naming the variable (.env.example documents each). Empty values count as
// unset. What the browser may see is lib/public-env.ts (without zod, to keep it out of the browser).
import { z } from "zod";

const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());

const serverSchema = z.object({
  /** Where the web server reaches the API. */
  API_URL: optional(z.url()),
  /** Shared with the API: signs sessions and derives the internal key. */
  AUTH_SECRET: optional(z.string().min(1)),
  /** "Sign in with GitHub" appears when both are set. */
  GITHUB_ID: optional(z.string().min(1)),
  GITHUB_SECRET: optional(z.string().min(1)),
  /** Origins posters and photos may load from (the CSP's img-src), comma-separated. */
  IMAGE_ORIGINS: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .default("https://image.tmdb.org")
      .transform((value) =>
        value
          .split(",")
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin))),
  ),
});

function parse<T extends z.ZodType>(schema: T, values: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
  throw new Error(`invalid web configuration:\n${problems}\nSee .env.example for every variable.`);
}

/** The server's settings from these values (exported for tests). */
export function parseServerEnv(values: Record<string, string | undefined>): z.infer<typeof serverSchema> {
  return parse(serverSchema, values);
}

let server: z.infer<typeof serverSchema> | undefined;
export function serverEnv(): z.infer<typeof serverSchema> {
  server ??= parseServerEnv({
    API_URL: process.env.API_URL,
    AUTH_SECRET: process.env.AUTH_SECRET,
    GITHUB_ID: process.env.GITHUB_ID,
    GITHUB_SECRET: process.env.GITHUB_SECRET,
    IMAGE_ORIGINS: process.env.IMAGE_ORIGINS,
  });
  return server;
}
