// "Flat writes": addFavourite's server time must not grow with the size of the person's library.
// It used to (19 → 39 → 65 ms at 0 / 500 / 900 titles) because every addFavourite also updated a
// pairwise co-occurrence table, one row per title already in the library; now it writes one
// `interaction` row and the model learns from the log in the background. The issue's acceptance:
// p50 at 0, 500 and 2,000 favourites within 20 % of each other.
//
// Three people whose libraries already hold 0, 500 and 2,000 favourites (their history, written
// straight into `interaction` with times spread over the past), among a crowd of other people whose
// favourites overlap theirs and the titles added here, so a write that touched rows shared between
// people (as the co-occurrence table did) would show. Each round, each of the three adds the same
// title that is in none of their libraries and removes it again (so library sizes stay constant),
// in an order rotated every round, so machine noise falls on all three alike. Server time is the
// API's own Server-Timing header; client time is the whole HTTP round trip. The mutations ask for
// `isFavourite` back, as the app does, so reading the person's state of the title is measured too.
//
// Run: npm run bench -- recommendations-writes   (BENCH_TITLES, BENCH_ROUNDS, BENCH_CROWD change
// the sizes; writes bench/results/recommendations-writes.json)
import { hash32 } from "../packages/tmdb-catalogue/src/random.ts";
import { createApiToken } from "../apps/api/src/modules/auth/api-token.service.ts";
import { createCrowd, popularTitles, type CrowdTitle } from "./lib/crowd.ts";
import { log, percentile, round, writeResult, type SummaryRow } from "./lib/report.ts";
import { cacheWholeCatalogue } from "./lib/seed-cache.ts";
import { graphqlClient, problemsOf, startStack, type Stack } from "./lib/stack.ts";

const TITLES = Number(process.env.BENCH_TITLES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const WARM_UP_ROUNDS = 30;
const CROWD = Number(process.env.BENCH_CROWD ?? 400);
const LIBRARY_SIZES = [0, 500, 2_000] as const;
/** Titles added and removed in the rounds; every round reuses one (removed again, so never already there). */
const PROBE_TITLES = 400;
/** The library sizes' allowed spread: the slowest p50 at most 1.2 × the fastest. */
const WITHIN = 1.2;

const ADD = `mutation AddFavourite($media: MediaRefInput!) { addFavourite(media: $media) { id isFavourite } }`;
const REMOVE = `mutation RemoveFavourite($media: MediaRefInput!) { removeFavourite(media: $media) { id isFavourite } }`;

interface Person {
  librarySize: number;
  id: string;
  token: string;
  add: { serverMs: number[]; clientMs: number[] };
  remove: { serverMs: number[]; clientMs: number[] };
}

const refOf = (title: CrowdTitle) => ({ type: title.mediaType, tmdbId: title.tmdbId });
const formatCount = (count: number) => count.toLocaleString("en-GB");

/** A person whose library already holds `titles`, one favourite an hour back from now, and an API token. */
async function createPerson(services: Stack["services"], librarySize: number, titles: readonly CrowdTitle[]): Promise<Person> {
  const user = await services.prisma.user.create({ data: { email: `writes-${librarySize}@example.test` } });
  const now = Date.now();
  await services.prisma.interaction.createMany({
    data: titles.map((title, index) => ({
      userId: user.id,
      mediaType: title.mediaType,
      tmdbId: title.tmdbId,
      kind: "FAVOURITE" as const,
      createdAt: new Date(now - (titles.length - index) * 3_600_000),
    })),
  });
  const token = (await createApiToken(services, { userId: user.id, name: "bench" })).secret;
  return { librarySize, id: user.id, token, add: { serverMs: [], clientMs: [] }, remove: { serverMs: [], clientMs: [] } };
}

const stack = await startStack({ name: "writes", titles: TITLES, log });
try {
  const { services } = stack;
  const cached = await cacheWholeCatalogue(services.prisma, stack.catalogue.catalogue, log);
  const popular = await popularTitles(services.prisma, Math.min(cached, 6_000));
  // The crowd draws from the same popular titles, so the probes and the libraries are titles many
  // others have favourited too.
  await createCrowd(services.prisma, popular, CROWD, log);

  // Every 12th popular title is a probe (head to tail); the libraries come from the rest, in a
  // fixed pseudo-random order so that they, too, span popular and obscure titles.
  const probes = popular.filter((_, index) => index % 12 === 0).slice(0, PROBE_TITLES);
  const pool = popular.filter((_, index) => index % 12 !== 0).sort((a, b) => hash32(a.mediaType, a.tmdbId) - hash32(b.mediaType, b.tmdbId));
  const largest = Math.max(...LIBRARY_SIZES);
  if (pool.length < largest) throw new Error(`only ${pool.length} titles for a library of ${largest}: raise BENCH_TITLES`);
  const people: Person[] = [];
  for (const librarySize of LIBRARY_SIZES) people.push(await createPerson(services, librarySize, pool.slice(0, librarySize)));
  await services.prisma.$executeRawUnsafe("ANALYZE interaction");
  const interactions = await services.prisma.interaction.count();
  log(`people with ${LIBRARY_SIZES.join(" / ")} favourites, ${probes.length} probe titles, ${formatCount(interactions)} interactions in all`);

  const api = await stack.startApi();
  const call = graphqlClient(api.url);

  /** One mutation; a failed call or a wrong answer ends the bench (its figures would mean nothing). */
  const mutate = async (person: Person, query: string, title: CrowdTitle, expectFavourite: boolean) => {
    const result = await call(query, { media: refOf(title) }, person.token);
    const problems = problemsOf(result);
    const media = result.body?.data?.[expectFavourite ? "addFavourite" : "removeFavourite"];
    if (problems.length || media?.isFavourite !== expectFavourite || result.serverMs === undefined) {
      throw new Error(`bad answer for the ${person.librarySize}-favourite person: ${problems.join(", ")} ${JSON.stringify(result.body).slice(0, 300)}`);
    }
    return { serverMs: result.serverMs, clientMs: result.clientMs };
  };

  for (let index = 0; index < WARM_UP_ROUNDS + ROUNDS; index++) {
    const title = probes[index % probes.length]!;
    const measured = index >= WARM_UP_ROUNDS;
    for (let turn = 0; turn < people.length; turn++) {
      const person = people[(index + turn) % people.length]!;
      const added = await mutate(person, ADD, title, true);
      const removed = await mutate(person, REMOVE, title, false);
      if (!measured) continue;
      person.add.serverMs.push(added.serverMs);
      person.add.clientMs.push(added.clientMs);
      person.remove.serverMs.push(removed.serverMs);
      person.remove.clientMs.push(removed.clientMs);
    }
  }
  call.close();

  // Every add was undone: each library must still hold exactly what it was seeded with.
  for (const person of people) {
    const held = await services.prisma.interaction.count({ where: { userId: person.id, kind: "FAVOURITE" } });
    if (held !== person.librarySize) throw new Error(`the ${person.librarySize}-favourite person now has ${held} favourites`);
  }

  const stats = (values: number[]) => ({ p50: round(percentile(values, 50), 2), p90: round(percentile(values, 90), 2), p99: round(percentile(values, 99), 2) });
  const results = people.map((person) => ({
    favourites: person.librarySize,
    addServer: stats(person.add.serverMs),
    addClient: stats(person.add.clientMs),
    removeServer: stats(person.remove.serverMs),
    removeClient: stats(person.remove.clientMs),
  }));
  for (const row of results) {
    const line = (name: string, s: { p50: number; p90: number; p99: number }) => `${name} p50/p90/p99 ${s.p50}/${s.p90}/${s.p99}`;
    log(
      `${String(row.favourites).padStart(5)} favourites: ${line("add server", row.addServer)}, ${line("client", row.addClient)}; ${line("remove server", row.removeServer)} ms`,
    );
  }
  const [base, ...others] = results;
  const ratios = others.map((row) => round(row.addServer.p50 / base!.addServer.p50, 2));
  const p50s = results.map((row) => row.addServer.p50);
  const spread = round(Math.max(...p50s) / Math.min(...p50s), 2);
  log(
    `addFavourite server p50 ratio to the 0-favourite person: ${others.map((row, index) => `${formatCount(row.favourites)}: ${ratios[index]}`).join(", ")} (slowest / fastest ${spread})`,
  );

  const sizes = LIBRARY_SIZES.map(formatCount).join(" / ");
  const pair = (key: "addServer" | "addClient" | "removeServer") => results.map((row) => `${row[key].p50} / ${row[key].p99}`).join(", ");
  const summary: SummaryRow[] = [
    { measure: `addFavourite server p50 / p99 at ${sizes} favourites`, value: `${pair("addServer")} ms (client ${pair("addClient")})` },
    {
      measure: `ratio of p50 to the 0-favourite person: ${LIBRARY_SIZES.slice(1).map(formatCount).join(" / ")}`,
      value: `${ratios.join(" / ")} (slowest / fastest of the three: ${spread})`,
      target: `within 20 % (≤ ${WITHIN})`,
      met: spread <= WITHIN,
    },
    { measure: `removeFavourite server p50 / p99 at ${sizes} favourites`, value: `${pair("removeServer")} ms` },
  ];
  writeResult("recommendations-writes", {
    title: `addFavourite / removeFavourite at ${sizes} favourites, ${cached} cached titles, a crowd of ${CROWD}, production build, ${ROUNDS} interleaved rounds`,
    summary,
    config: { titles: cached, crowd: CROWD, interactions, rounds: ROUNDS, warmUpRounds: WARM_UP_ROUNDS, probeTitles: probes.length, add: ADD, remove: REMOVE },
    results,
    raw: people.map((person) => ({
      favourites: person.librarySize,
      addServerMs: person.add.serverMs.map((value) => round(value, 2)),
      addClientMs: person.add.clientMs.map((value) => round(value, 2)),
      removeServerMs: person.remove.serverMs.map((value) => round(value, 2)),
    })),
  });
} finally {
  await stack.stop();
}
