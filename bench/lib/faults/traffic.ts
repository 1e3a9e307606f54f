// The clients of bench/faults.ts: a few readers asking for recommendations, browse, search and title
// pages non-stop, and one writer adding favourites with known ids, remembering every one the API
// acknowledged. Every call is recorded (when it started and ended, what went wrong).
import { createApiToken } from "../../../apps/api/src/modules/auth/api-token.service.ts";
import { mulberry32 } from "../../../packages/tmdb-catalogue/src/index.ts";
import { TASTES, type CrowdTitle } from "../crowd.ts";
import { problemsOf, type graphqlClient, type Stack } from "../stack.ts";
import { ADD_FAVOURITE, idOf, now, READ, READERS, sleep, THINK_MS, type CallRecord } from "./config.ts";

interface Client {
  id: string;
  token: string;
}

/** The readers (each with a taste and five favourites) and the writer (none yet), with tokens. */
export async function createClients(services: Stack["services"], popular: CrowdTitle[]): Promise<{ readers: Client[]; writer: Client }> {
  const makeUser = async (label: string, taste: readonly number[], favourites: CrowdTitle[]) => {
    const user = await services.prisma.user.create({ data: { email: `faults-${label}@example.test` } });
    await services.prisma.preference.create({ data: { userId: user.id, likedGenreIds: [...taste] } });
    await services.prisma.interaction.createMany({
      data: favourites.map((title) => ({ userId: user.id, mediaType: title.mediaType, tmdbId: title.tmdbId, kind: "FAVOURITE" as const })),
    });
    return { id: user.id, token: (await createApiToken(services, { userId: user.id, name: "faults" })).secret };
  };
  const readers = await Promise.all(
    Array.from({ length: READERS }, (_, index) => makeUser(`reader-${index}`, TASTES[index % TASTES.length]!, popular.slice(index * 7, index * 7 + 5))),
  );
  const writer = await makeUser("writer", TASTES[0]!, []);
  return { readers, writer };
}

export interface Traffic {
  records: CallRecord[];
  /** Favourites the API said were saved; and those whose answer never came or was an error. */
  acknowledged: Set<string>;
  unacknowledged: Set<string>;
  /** Stops every client and waits until each has finished its call. */
  stop(): Promise<void>;
}

export function startTraffic(
  call: ReturnType<typeof graphqlClient>,
  clients: { readers: Client[]; writer: Client },
  popular: CrowdTitle[],
  searchTerms: string[],
): Traffic {
  const records: CallRecord[] = [];
  let traffic = true;
  const readerLoop = async (reader: { token: string }, index: number) => {
    const random = mulberry32(500 + index);
    while (traffic) {
      const roll = random();
      const title = popular[Math.floor(Math.min(popular.length, 3_000) * random() ** 2)]!;
      const [operation, variables] =
        roll < 0.35
          ? (["recommendations", {}] as const)
          : roll < 0.6
            ? (["media", { type: title.mediaType, tmdbId: title.tmdbId }] as const)
            : roll < 0.85
              ? (["browse", { filter: { type: random() < 0.7 ? "MOVIE" : "TV", genreIds: random() < 0.5 ? [18] : [] } }] as const)
              : (["searchMedia", { query: searchTerms[Math.floor(random() * searchTerms.length)]! }] as const);
      const start = now();
      const result = await call(READ[operation], variables, reader.token);
      const problems = problemsOf(result);
      if (!problems.length && operation === "media" && result.body?.data?.media?.id !== idOf(title)) problems.push("WRONG_ANSWER");
      records.push({ client: `reader-${index}`, operation, start, end: now(), problems });
      await sleep(random() * THINK_MS);
    }
  };
  const acknowledged = new Set<string>();
  const unacknowledged = new Set<string>();
  const writerLoop = async () => {
    const queue = popular.slice(100, 5_100);
    for (const title of queue) {
      if (!traffic) break;
      const start = now();
      const result = await call(ADD_FAVOURITE, { media: { type: title.mediaType, tmdbId: title.tmdbId } }, clients.writer.token);
      const problems = problemsOf(result);
      if (!problems.length && result.body?.data?.addFavourite?.isFavourite === true) acknowledged.add(idOf(title));
      else unacknowledged.add(idOf(title));
      records.push({ client: "writer", operation: "addFavourite", start, end: now(), problems });
      await sleep(THINK_MS);
    }
  };
  const running = [...clients.readers.map((reader, index) => readerLoop(reader, index)), writerLoop()];
  const stop = async () => {
    traffic = false;
    await Promise.all(running);
  };
  return { records, acknowledged, unacknowledged, stop };
}
