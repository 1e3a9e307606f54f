#!/usr/bin/env -S node --import tsx
// tmdb-catalogue [--port 4010] [--host 127.0.0.1] [--size 5000] [--seed 42] [--token T]
//                [--image-base-url URL] [--rate-limit N] [--hostile-titles] [--real-films N]
// Environment: CATALOGUE_PORT, CATALOGUE_HOST, CATALOGUE_SIZE, CATALOGUE_SEED, CATALOGUE_API_TOKEN,
//              CATALOGUE_IMAGE_BASE_URL, CATALOGUE_RATE_LIMIT, CATALOGUE_HOSTILE_TITLES=1,
//              CATALOGUE_REAL_FILMS (flags win over the environment).
import { parseArgs } from "node:util";
import { startCatalogueServer } from "./server.ts";

const USAGE = `usage: tsx src/cli.ts [--port 4010] [--host 127.0.0.1] [--size 5000] [--seed 42] [--token TOKEN] [--image-base-url URL] [--rate-limit N] [--hostile-titles] [--real-films N]`;

function intOption(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`tmdb-catalogue: ${name} must be a non-negative integer, got "${raw}"\n${USAGE}\n`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        size: { type: "string" },
        seed: { type: "string" },
        token: { type: "string" },
        "image-base-url": { type: "string" },
        "rate-limit": { type: "string" },
        "hostile-titles": { type: "boolean" },
        "real-films": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    process.stderr.write(`tmdb-catalogue: ${(err as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (values["help"]) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const env = process.env;
  const str = (flag: string, envName: string) => (values[flag] as string | undefined) ?? env[envName];
  const port = intOption("port", str("port", "CATALOGUE_PORT"), 4010);
  const size = intOption("size", str("size", "CATALOGUE_SIZE"), 5000);
  const seed = intOption("seed", str("seed", "CATALOGUE_SEED"), 42);
  const rate = intOption("rate-limit", str("rate-limit", "CATALOGUE_RATE_LIMIT"), 0);
  const realFilms = intOption("real-films", str("real-films", "CATALOGUE_REAL_FILMS"), Number.POSITIVE_INFINITY);
  const server = await startCatalogueServer({
    port,
    size,
    seed,
    host: str("host", "CATALOGUE_HOST") || "127.0.0.1",
    apiToken: str("token", "CATALOGUE_API_TOKEN") || undefined,
    imageBaseUrl: str("image-base-url", "CATALOGUE_IMAGE_BASE_URL") || undefined,
    rateLimitPerSecond: rate > 0 ? rate : undefined,
    hostileTitles: values["hostile-titles"] === true || ["1", "true"].includes(env["CATALOGUE_HOSTILE_TITLES"] ?? ""),
    realFilms: Number.isFinite(realFilms) ? realFilms : undefined,
  });
  const hostile = server.catalogue.movies.length + server.catalogue.tv.length - server.catalogue.size;
  process.stdout.write(
    `tmdb-catalogue listening on ${server.origin} (${server.catalogue.size} titles${hostile ? ` + ${hostile} hostile titles` : ""}; images as ${server.imageFormat === "webp" ? "WebP" : "SVG: sharp could not load or found no font for the text"})\n`,
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`tmdb-catalogue: error while stopping on ${signal}: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`tmdb-catalogue: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
