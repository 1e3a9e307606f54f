// What bench/load.ts records while users act: every call's client and server time per operation,
// problems (HTTP status, GraphQL errors, no answer) and wrong answers (against what each user's own
// actions imply), with up to 20 examples; and the checks the actions share.
import { type graphqlClient, problemsOf, type CallResult } from "../stack.ts";
import type { CrowdTitle } from "../crowd.ts";
import { Q, type OpStats, type Operation, type SimUser } from "./config.ts";

export type Call = ReturnType<typeof graphqlClient>;

function counters() {
  const problems = new Map<string, number>();
  const wrong = new Map<string, number>();
  const examples: string[] = [];
  const countProblem = (map: Map<string, number>, key: string, example: string) => {
    map.set(key, (map.get(key) ?? 0) + 1);
    if (examples.length < 20) examples.push(`${key}: ${example.slice(0, 400)}`);
  };
  const check = (ok: boolean, what: string, detail: () => string) => {
    if (!ok) countProblem(wrong, what, detail());
  };
  return { problems, wrong, examples, countProblem, check };
}

export function createSession(call: Call, popular: readonly CrowdTitle[], searchTerms: readonly string[]) {
  const stats = Object.fromEntries(Object.keys(Q).map((name) => [name, { clientMs: [], serverMs: [], errors: 0 } as OpStats])) as Record<Operation, OpStats>;
  const { problems, wrong, examples, countProblem, check } = counters();

  async function send(user: SimUser, operation: Operation, variables: Record<string, unknown> = {}): Promise<CallResult["body"] | undefined> {
    const result = await call(Q[operation], variables, user.token);
    const stat = stats[operation];
    stat.clientMs.push(result.clientMs);
    if (result.serverMs !== undefined) stat.serverMs.push(result.serverMs);
    const found = problemsOf(result);
    if (found.length) {
      stat.errors += 1;
      for (const problem of found) countProblem(problems, `${operation}: ${problem}`, `${result.body?.errors?.[0]?.message ?? result.failure ?? ""}`);
      return undefined;
    }
    return result.body;
  }
  const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const headTitle = (random: () => number) => popular[Math.floor(Math.min(popular.length, 8_000) * random() ** 2)]!;
  /** Per-user flags on a title as the user's own actions imply them. */
  const expectFlags = (user: SimUser, node: { id: string; isFavourite?: boolean; inWatchlist?: boolean; isDismissed?: boolean }, where: string) => {
    if (node.isFavourite !== undefined)
      check(node.isFavourite === user.favourites.has(node.id), `${where}: isFavourite`, () => `${node.id} isFavourite=${node.isFavourite}`);
    if (node.inWatchlist !== undefined)
      check(node.inWatchlist === user.watchlist.has(node.id), `${where}: inWatchlist`, () => `${node.id} inWatchlist=${node.inWatchlist}`);
    if (node.isDismissed !== undefined)
      check(node.isDismissed === user.dismissed.has(node.id), `${where}: isDismissed`, () => `${node.id} isDismissed=${node.isDismissed}`);
  };
  const checkFavourites = (user: SimUser, edges: Array<{ node: { id: string } }>) => {
    const got = edges.map((edge) => edge.node.id);
    const expected = [...user.favourites.keys()];
    check(
      got.length === expected.length && expected.every((id) => got.includes(id)),
      "favourites: not the set the user's actions imply",
      () =>
        `expected ${expected.length}, got ${got.length}: missing ${expected.filter((id) => !got.includes(id)).join(",")} extra ${got.filter((id) => !expected.includes(id)).join(",")}`,
    );
    const added = [...user.favourites.entries()]
      .filter(([, entry]) => !entry.seeded)
      .map(([id]) => id)
      .reverse();
    check(
      added.every((id, position) => got[position] === id),
      "favourites: not newest first",
      () => `expected ${added.slice(0, 5).join(",")}…, got ${got.slice(0, 5).join(",")}…`,
    );
  };
  /** Forgets the timings so far (the warm-up's); errors and wrong answers stay counted. */
  const resetStats = () => {
    for (const stat of Object.values(stats)) {
      stat.clientMs.length = 0;
      stat.serverMs.length = 0;
    }
  };
  return { stats, problems, wrong, examples, countProblem, send, pick, headTitle, check, expectFlags, checkFavourites, searchTerms, resetStats };
}

export type Session = ReturnType<typeof createSession>;
