// Security probe: categorised attacks on the API's production build over real HTTP, each with its
// outcome checked, not just its status.
//
//   idor     user B tries every user-data operation on user A's data (A's token ids, A's titles,
//            A's list cursors, A's email at sign-up); after EVERY attempt A's rows in Postgres must
//            equal A's snapshot, and everything B reads (lists, per-user fields on titles, also
//            under concurrent A/B traffic) must match B's own rows
//   auth     revoked, expired, forged, malformed and deleted users' tokens; garbled, expired,
//            wrongly-keyed and orphaned session cookies; admin-only operations and /admin/queues as
//            a normal user; the internal-only linkOAuthAccount without or with a wrong key
//   bombs    depth, aliases, directives, tokens, cost, fragment cycles, introspection, batching
//   bodies   oversized, malformed, wrong content types, huge/odd variables, NUL, invalid UTF-8
//   hostile  SQL-like, markup, javascript: URLs, bidi and long strings stored wherever a user can
//            store text (API token names, sign-up name and email, OAuth profile) and read back
//            byte-exact; and hostile TMDB text (the catalogue's hostile titles) read back through the API
//
// Each attempt ends as: refused (an expected refusal with its code), accepted-scoped (allowed and
// proven to touch only the caller's data), stored-exact (hostile text read back unchanged), LEAK
// (another user's data read or changed), 5xx (HTTP 5xx, INTERNAL_SERVER_ERROR, no answer), or
// UNEXPECTED (anything else, e.g. accepted where a refusal was due).
//
// The product runs as in production: Postgres, Redis and the offline catalogue (bench/lib/stack.ts),
// the API as its production build in its own process; MediaCache holds the catalogue with details.
//
// Run: npm run bench -- security-probe   (SECURITY_TITLES sets the catalogue size, default 2000;
// writes bench/results/security-probe.json and prints every attempt)
//
// The attempts live in bench/lib/security-probe/, one module per family (idor.ts, auth.ts, bombs.ts,
// bodies.ts, hostile.ts, hardening.ts); setup.ts makes the users and A's data, attempt.ts classifies
// each attempt, snapshot.ts guards A's rows, report.ts prints and writes the results.
import { buildCatalogue } from "../packages/tmdb-catalogue/src/index.ts";
import { log } from "./lib/report.ts";
import { cacheWholeCatalogue } from "./lib/seed-cache.ts";
import { probeAuth } from "./lib/security-probe/auth.ts";
import { probeBodies } from "./lib/security-probe/bodies.ts";
import { probeBombs } from "./lib/security-probe/bombs.ts";
import type { Stack } from "./lib/security-probe/context.ts";
import { hardeningProbes } from "./lib/security-probe/hardening.ts";
import { probeHostile } from "./lib/security-probe/hostile.ts";
import { setBaseUrl } from "./lib/security-probe/http.ts";
import { idorFinalChecks, probeIdor } from "./lib/security-probe/idor.ts";
import { report } from "./lib/security-probe/report.ts";
import { setUpProbe } from "./lib/security-probe/setup.ts";
import { stopIdorGuard } from "./lib/security-probe/snapshot.ts";
import { startStack } from "./lib/stack.ts";

const TITLES = Number(process.env.SECURITY_TITLES ?? 2_000);

async function main() {
  const stack = await startStack({ name: "security-probe", titles: TITLES, tmdbLatencyMs: 0, log });
  try {
    await probe(stack);
  } finally {
    await stack.stop();
  }
}

async function probe(stack: Stack) {
  const prisma = stack.services.prisma;
  // The cache holds the catalogue with details, and the hostile titles too (the stack's catalogue
  // server has the same seed and size, so every other title matches what it would answer).
  const catalogue = buildCatalogue({ size: TITLES, hostileTitles: true });
  await cacheWholeCatalogue(prisma, catalogue, log);
  // Info level: every request line is written, so the secrets check below reads what production would log.
  const api = await stack.startApi({ LOG_LEVEL: "info" });
  setBaseUrl(api.url);
  log(`API (production build) at ${api.url}`);
  const ctx = await setUpProbe(stack, catalogue);

  await probeIdor(ctx);
  await probeAuth(ctx);
  await probeBombs(ctx);
  await probeBodies(ctx);
  await probeHostile(ctx);

  // Last: A's rows once more, and A's token and cookie still answer as A.
  stopIdorGuard();
  await hardeningProbes(ctx);
  await idorFinalChecks(ctx);

  report(api.process.output());
}

await main();
