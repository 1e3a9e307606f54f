// Attack family (a), IDOR: B (by token and by session cookie) on A's data: revoking A's tokens,
// every user-data mutation on A's titles, A's list cursors, per-user fields (also under concurrent
// A/B traffic), user lookups, sign-up/sign-in/OAuth with A's email; and the final check that A's
// rows and lists are exactly as before any attempt. (After every attempt `attempt` also compares
// A's rows with A's snapshot: snapshot.ts.)
import { hashApiToken } from "../../../apps/api/src/modules/auth/api-token.service.ts";
import { INTERNAL_KEY_HEADER, internalKey } from "../../../apps/api/src/modules/auth/oauth-account.service.ts";
import { attempt, records } from "./attempt.ts";
import type { ProbeContext } from "./context.ts";
import { codesOf, gql } from "./http.ts";
import { mediaMutation, Q } from "./queries.ts";
import { diffHint, rowsOf } from "./snapshot.ts";

async function idorRevokeTokensOfA(ctx: ProbeContext) {
  const { A, B, a2 } = ctx;
  for (const [via, auth] of [
    ["token", { token: B.token }],
    ["session cookie", { cookie: B.cookie }],
  ] as const) {
    await attempt("idor", `B (${via}) revokes A's API token by id`, () => gql(Q.revokeToken, { id: a2.token.id }, auth), { refuse: ["NOT_FOUND"] });
  }
  await attempt("idor", "B revokes A's token id in upper case", () => gql(Q.revokeToken, { id: a2.token.id.toUpperCase() }, { token: B.token }), {
    refuse: ["NOT_FOUND"],
  });
  await attempt("idor", "B revokes A's first token (the one B cannot see)", () => gql(Q.revokeToken, { id: A.tokenId }, { token: B.token }), {
    refuse: ["NOT_FOUND"],
  });
  await attempt("idor", "B revokes id \"' OR '1'='1\"", () => gql(Q.revokeToken, { id: "' OR '1'='1" }, { token: B.token }), { refuse: ["NOT_FOUND"] });
  await attempt("idor", "B revokes id as a JSON array of A's ids", () => gql(Q.revokeToken, { id: [a2.token.id, A.tokenId] }, { token: B.token }), {
    refuse: ["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"],
  });
  await attempt("idor", "A's second token still works after B's attempts", () => gql(Q.me, {}, { token: a2.secret }), {
    verify: (response) => (response.json?.data?.me?.id === A.id ? [] : ["A's token no longer answers as A"]),
  });
}

async function idorMutations(ctx: ProbeContext) {
  const { B, ref, bOwns } = ctx;
  const bOps: Array<[string, string, Record<string, unknown>]> = [
    ["removeFavourite on A's favourite", mediaMutation("removeFavourite"), { media: ref(0) }],
    ["removeFromWatchlist on A's watchlist item", mediaMutation("removeFromWatchlist"), { media: ref(2) }],
    ["markWatched(false) on A's watched item", mediaMutation("markWatched", "watched"), { media: ref(3), watched: false }],
    ["markWatched(true) on A's to-watch item", mediaMutation("markWatched", "watched"), { media: ref(2), watched: true }],
    ["undoDismiss on A's dismissal", mediaMutation("undoDismiss"), { media: ref(4) }],
    ["addFavourite on A's favourite (same title)", mediaMutation("addFavourite"), { media: ref(1) }],
    ["dismiss A's favourite title", mediaMutation("dismiss"), { media: ref(0) }],
    ["addToWatchlist A's watched title", mediaMutation("addToWatchlist"), { media: ref(3) }],
    ["removeFavourite again (B's own now)", mediaMutation("removeFavourite"), { media: ref(1) }],
    [
      "updatePreferences (changes B's only)",
      'mutation { updatePreferences(input: { likedGenreIds: [99], languages: ["ko"], minRating: 2 }) { likedGenreIds languages } }',
      {},
    ],
  ];
  for (const [via, auth] of [
    ["token", { token: B.token }],
    ["session cookie", { cookie: B.cookie }],
  ] as const) {
    for (const [what, query, variables] of bOps) {
      await attempt("idor", `B (${via}) ${what}`, () => gql(query, variables, auth), {
        verify: async (response) => bOwns({ [Object.keys(response.json?.data ?? {})[0] ?? "x"]: Object.values(response.json?.data ?? {})[0] }),
      });
    }
  }
}

async function idorReads(ctx: ProbeContext) {
  const { B, ref, idOf, aFavouriteCursor, aWatchlistCursor, scopedTo } = ctx;
  await attempt(
    "idor",
    "B pages favourites with A's cursor",
    () => gql("query($after: String) { favourites(first: 50, after: $after) { edges { node { id } } } }", { after: aFavouriteCursor }, { token: B.token }),
    { verify: scopedTo(B) },
  );
  await attempt(
    "idor",
    "B pages watchlist with A's cursor",
    () => gql("query($after: String) { watchlist(first: 50, after: $after) { edges { node { id } } } }", { after: aWatchlistCursor }, { token: B.token }),
    { verify: scopedTo(B) },
  );
  const forgedCursor = Buffer.from(JSON.stringify({ createdAt: "2999-01-01T00:00:00.000Z", id: "ffffffff-ffff-ffff-ffff-ffffffffffff" })).toString("base64url");
  await attempt(
    "idor",
    "B pages favourites with a forged far-future cursor",
    () => gql("query($after: String) { favourites(first: 50, after: $after) { edges { node { id } } } }", { after: forgedCursor }, { token: B.token }),
    { verify: scopedTo(B) },
  );
  await attempt("idor", "B reads me, favourites, watchlist, preferences, apiTokens", () => gql(`{ me { id } ${Q.lists.slice(1)}`, {}, { token: B.token }), {
    verify: scopedTo(B),
  });
  for (let index = 0; index <= 4; index++) {
    await attempt("idor", `B reads per-user fields of A's title ${idOf(index)}`, () => gql(Q.media, ref(index), { token: B.token }), { verify: scopedTo(B) });
  }
  await attempt(
    "idor",
    "B reads recommendations (per-user fields)",
    () => gql("{ recommendations(first: 20) { edges { node { media { id isFavourite inWatchlist isDismissed watchedAt } } } } }", {}, { token: B.token }),
    { verify: scopedTo(B) },
  );
}

// Concurrent A and B traffic on the same titles: no answer may carry the other's per-user fields.
async function idorConcurrentReads(ctx: ProbeContext) {
  const { A, B, ref, bOwns } = ctx;
  const calls = Array.from({ length: 40 }, (_, i) => {
    const who = i % 2 ? A : B;
    const query =
      i % 4 < 2
        ? `query($type: MediaType!, $tmdbId: Int!) { media(type: $type, tmdbId: $tmdbId) { id isFavourite inWatchlist isDismissed watchedAt } ${Q.lists.slice(1, -1)} }`
        : "{ recommendations(first: 10) { edges { node { media { id isFavourite inWatchlist isDismissed watchedAt } } } } favourites(first: 50) { edges { node { id } } } }";
    return { who, call: gql(query, ref(i % 5), { token: who.token }) };
  });
  const problems: string[] = [];
  const started = performance.now();
  const responses = await Promise.all(calls.map((item) => item.call));
  for (const [index, response] of responses.entries()) {
    if (response.status !== 200 || response.json?.errors) problems.push(`call ${index}: HTTP ${response.status} ${codesOf(response).join(",")}`);
    problems.push(...(await bOwns(response.json?.data, calls[index]!.who)));
  }
  records.push({
    category: "idor",
    description: `40 concurrent A/B reads of the same titles, lists, recommendations (${Math.round(performance.now() - started)} ms)`,
    status: Math.max(...responses.map((response) => response.status)),
    code: [...new Set(responses.flatMap(codesOf))].join(",") || "-",
    outcome: responses.some((response) => response.status >= 500 || codesOf(response).includes("INTERNAL_SERVER_ERROR"))
      ? "5xx"
      : problems.some((problem) => problem.startsWith("LEAK"))
        ? "LEAK"
        : problems.length
          ? "UNEXPECTED"
          : "accepted-scoped",
    ...(problems.length ? { note: problems.slice(0, 3).join("; ") } : {}),
  });
}

async function idorIdentity(ctx: ProbeContext) {
  const { A, B, secret, scopedTo } = ctx;
  await attempt("idor", "B asks for another user by id: user(id:)", () => gql(`{ user(id: "${A.id}") { email } }`, {}, { token: B.token }), {
    refuse: ["GRAPHQL_VALIDATION_FAILED"],
  });
  await attempt("idor", "B asks for a node by id: node(id:)", () => gql(`{ node(id: "${A.tokenId}") { id } }`, {}, { token: B.token }), {
    refuse: ["GRAPHQL_VALIDATION_FAILED"],
  });
  await attempt(
    "idor",
    "sign-up with A's email (upper case, spaces)",
    () => gql(Q.signUp, { input: { email: `  ${A.email.toUpperCase()} `, password: "takeover-password", name: "evil" } }),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt("idor", "A still signs in with A's own password", () => gql(Q.signIn, { input: { email: A.email, password: A.password } }), {
    verify: (response) => (response.json?.data?.signIn?.id === A.id ? [] : ["A cannot sign in any more"]),
  });
  await attempt("idor", "sign-in as A with B's password", () => gql(Q.signIn, { input: { email: A.email, password: B.password } }), {
    refuse: ["UNAUTHENTICATED"],
  });
  await attempt("idor", 'sign-in as A with "\' OR 1=1 --" as password', () => gql(Q.signIn, { input: { email: A.email, password: "' OR 1=1 --" } }), {
    refuse: ["UNAUTHENTICATED"],
  });
  await attempt("idor", "sign-in with email \"x' OR '1'='1\" ", () => gql(Q.signIn, { input: { email: "x' OR '1'='1", password: "whatever1" } }), {
    refuse: ["UNAUTHENTICATED"],
  });
  await attempt(
    "idor",
    "linkOAuthAccount (right internal key) with A's email: no takeover",
    () =>
      gql(
        Q.link,
        { input: { provider: "github", providerAccountId: "999001", email: A.email, name: "evil" } },
        { headers: { [INTERNAL_KEY_HEADER]: internalKey(secret) } },
      ),
    { refuse: ["FORBIDDEN"] },
  );
  await attempt("idor", "A's token hash (a leaked database row) as a bearer token", () => gql(Q.me, {}, { token: hashApiToken(A.token) }), {
    refuse: ["UNAUTHENTICATED"],
  });
  await attempt(
    "idor",
    "Bearer B + A's session cookie acts as B only",
    () => gql(`{ me { id } ${Q.lists.slice(1)}`, {}, { token: B.token, cookie: A.cookie }),
    { verify: scopedTo(B) },
  );
}

// ═══ (a) IDOR: B on A's data ═══
export async function probeIdor(ctx: ProbeContext) {
  await idorRevokeTokensOfA(ctx);
  await idorMutations(ctx);
  await idorReads(ctx);
  await idorConcurrentReads(ctx);
  await idorIdentity(ctx);
}

/** The final IDOR checks, after every other attempt: A's rows equal A's snapshot, and A reads exactly A's lists. */
export async function idorFinalChecks(ctx: ProbeContext) {
  const { A, aLists, aBaseline, bOwns } = ctx;
  const finalA = JSON.stringify(await rowsOf(ctx.stack.sql, A.id));
  await attempt("idor", "final: A's rows equal A's snapshot from before every attempt", async () => ({ status: 200, headers: {}, text: "" }), {
    verify: () => (finalA === aBaseline ? [] : [`LEAK: ${diffHint(aBaseline, finalA)}`]),
  });
  await attempt("idor", "final: A reads exactly A's lists", () => gql(`{ me { id } ${Q.lists.slice(1)}`, {}, { cookie: A.cookie }), {
    verify: async (response) => {
      const data = response.json?.data;
      const problems = await bOwns(data, A);
      if (JSON.stringify(data?.favourites) !== JSON.stringify(aLists.favourites) || JSON.stringify(data?.watchlist) !== JSON.stringify(aLists.watchlist))
        problems.push("LEAK: A's lists differ from before B's attempts");
      return problems;
    },
  });
}
