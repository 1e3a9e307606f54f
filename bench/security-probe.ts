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
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { encode } from "../apps/api/node_modules/next-auth/jwt/index.js";
import { buildCatalogue, HOSTILE_TITLES, titleName } from "../packages/tmdb-catalogue/src/index.ts";
import { createApiToken, hashApiToken } from "../apps/api/src/modules/auth/api-token.service.ts";
import { endWebSession, startWebSession } from "../apps/api/src/modules/auth/web-session.service.ts";
import { INTERNAL_KEY_HEADER, internalKey } from "../apps/api/src/modules/auth/oauth-account.service.ts";
import { API_LIMITS } from "../apps/api/src/graphql/apollo.ts";
import { toMediaType } from "../apps/api/src/media-kind.ts";
import { log, writeResult, type SummaryRow } from "./lib/report.ts";
import { cacheWholeCatalogue } from "./lib/seed-cache.ts";
import { startStack } from "./lib/stack.ts";

const TITLES = Number(process.env.SECURITY_TITLES ?? 2_000);

type Category = "idor" | "auth" | "bombs" | "bodies" | "hostile";
const CATEGORIES: Category[] = ["idor", "auth", "bombs", "bodies", "hostile"];
type Outcome = "refused" | "accepted-scoped" | "stored-exact" | "LEAK" | "5xx" | "UNEXPECTED";

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json?: any;
  failure?: string;
}

interface AttemptRecord {
  category: Category;
  description: string;
  status: number;
  code: string;
  outcome: Outcome;
  /** Hostile text that should have been stored and read back. */
  stored?: boolean;
  note?: string;
}

// ─── HTTP ──────────────────────────────────────────────────────────────────────────────────────

let baseUrl = "";

function request(path: string, options: { method?: string; headers?: Record<string, string | string[]>; body?: string | Buffer } = {}): Promise<Response> {
  return new Promise((resolve) => {
    const req = http.request(new URL(path, baseUrl), { method: options.method ?? "GET", headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error) => resolve({ status: 0, headers: {}, text: "", failure: (error as NodeJS.ErrnoException).code ?? error.message }));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.setTimeout(30_000, () => req.destroy(new Error("TIMEOUT")));
    req.on("error", (error) => resolve({ status: 0, headers: {}, text: "", failure: (error as NodeJS.ErrnoException).code ?? error.message }));
    req.end(options.body);
  });
}

interface Auth {
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

function gql(query: string, variables: Record<string, unknown> = {}, auth: Auth = {}): Promise<Response> {
  const body = JSON.stringify({ query, variables });
  return request("/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(auth.token !== undefined ? { authorization: `Bearer ${auth.token}` } : {}),
      ...(auth.cookie ? { cookie: auth.cookie } : {}),
      ...auth.headers,
    },
    body,
  });
}

/** A GraphQL call that must succeed (setup and read-backs). */
async function must<T = any>(query: string, variables: Record<string, unknown>, auth: Auth): Promise<T> {
  const response = await gql(query, variables, auth);
  if (response.status !== 200 || !response.json?.data || response.json.errors)
    throw new Error(`setup call failed (${response.status}): ${query.slice(0, 80)} → ${response.text.slice(0, 300)}`);
  return response.json.data as T;
}

/** "HTTP 413", GraphQL error codes, or the transport failure; "-" for a clean answer. */
function codesOf(response: Response): string[] {
  if (response.failure) return [response.failure];
  const codes: string[] = (response.json?.errors ?? []).map((error: { extensions?: { code?: string } }) => error.extensions?.code ?? "NO_CODE");
  return codes;
}

// ─── attempts ──────────────────────────────────────────────────────────────────────────────────

const records: AttemptRecord[] = [];

interface AttemptOptions {
  /** Acceptable refusal codes (GraphQL codes, or "HTTP 403" for non-GraphQL routes). Absent: must be accepted. */
  refuse?: string[];
  /** With `refuse`: a clean answer is fine too (harmless input the API may ignore); this says why. */
  orAccept?: string;
  /** For accepted attempts in "hostile": label the success as stored-exact. */
  stored?: boolean;
  /**
   * Extra checks after the answer: return problems; one starting with "LEAK" is a cross-user access,
   * one starting with "NOTE" is only recorded.
   */
  verify?: (response: Response) => Promise<string[]> | string[];
}

async function attempt(category: Category, description: string, run: () => Promise<Response>, options: AttemptOptions = {}): Promise<Response> {
  const response = await run();
  const codes = codesOf(response);
  const code = codes[0] ?? (response.status >= 400 ? `HTTP ${response.status}` : "-");
  const checks = [...(options.verify ? await options.verify(response) : []), ...(await idorGuard())];
  const notes = checks.filter((check) => check.startsWith("NOTE"));
  const problems = checks.filter((check) => !check.startsWith("NOTE"));
  const clean = response.status === 200 && !codes.length;
  let outcome: Outcome;
  let note: string | undefined;
  const leak = problems.find((problem) => problem.startsWith("LEAK"));
  if (response.status === 0 || response.status >= 500 || codes.includes("INTERNAL_SERVER_ERROR")) {
    outcome = "5xx";
    note = response.failure ?? response.text.slice(0, 160);
  } else if (leak) {
    outcome = "LEAK";
    note = leak;
  } else if (options.refuse && !(clean && options.orAccept)) {
    const refusedWith = codes.length ? codes : [`HTTP ${response.status}`];
    const expected = refusedWith.some((given) => options.refuse!.includes(given)) && (response.status >= 400 || codes.length > 0);
    outcome = expected && !problems.length ? "refused" : "UNEXPECTED";
    if (outcome === "UNEXPECTED")
      note = problems.length
        ? problems.join("; ")
        : `wanted ${options.refuse.join("|")}, got ${refusedWith.join(",")} (HTTP ${response.status}): ${response.text.slice(0, 160)}`;
  } else {
    outcome = clean && !problems.length ? (options.stored ? "stored-exact" : "accepted-scoped") : "UNEXPECTED";
    if (outcome === "UNEXPECTED") note = problems.length ? problems.join("; ") : `HTTP ${response.status} ${codes.join(",")}: ${response.text.slice(0, 160)}`;
    else if (options.orAccept) note = options.orAccept;
  }
  if (notes.length) note = [note, ...notes].filter(Boolean).join("; ");
  records.push({ category, description, status: response.status, code, outcome, ...(options.stored ? { stored: true } : {}), ...(note ? { note } : {}) });
  return response;
}

// ─── A's data: a snapshot of every row A owns, compared after every attempt ─────────────────────

let stack: Awaited<ReturnType<typeof startStack>>;
let guardUserId: string | undefined;
let guardBaseline: string | undefined;

async function rowsOf(userId: string) {
  const sql = stack.sql;
  const [favourites, watchlist, dismissals, preference, tokens, user, accounts] = await Promise.all([
    sql.query("SELECT media_type::text, tmdb_id, created_at FROM interaction WHERE user_id = $1 AND kind = 'favourite' ORDER BY 1, 2", [userId]),
    sql.query(
      "SELECT media_type::text, tmdb_id, kind::text, created_at FROM interaction WHERE user_id = $1 AND kind IN ('watchlist', 'watched') ORDER BY 1, 2, 3",
      [userId],
    ),
    sql.query("SELECT media_type::text, tmdb_id FROM interaction WHERE user_id = $1 AND kind = 'dismissed' ORDER BY 1, 2", [userId]),
    sql.query("SELECT * FROM preference WHERE user_id = $1", [userId]),
    sql.query("SELECT id, name, revoked_at, expires_at FROM api_token WHERE user_id = $1 ORDER BY id", [userId]),
    sql.query(`SELECT id, email, name, role, password_hash FROM "user" WHERE id = $1`, [userId]),
    sql.query("SELECT provider, provider_account_id FROM account WHERE user_id = $1 ORDER BY 1, 2", [userId]),
  ]);
  return {
    favourites: favourites.rows,
    watchlist: watchlist.rows,
    dismissals: dismissals.rows,
    preference: preference.rows,
    tokens: tokens.rows,
    user: user.rows,
    accounts: accounts.rows,
  };
}

/** After every attempt: A's rows are exactly what they were. */
async function idorGuard(): Promise<string[]> {
  if (!guardUserId || !guardBaseline) return [];
  const now = JSON.stringify(await rowsOf(guardUserId));
  return now === guardBaseline ? [] : [`LEAK: user A's rows changed: ${diffHint(guardBaseline, now)}`];
}

function diffHint(before: string, after: string): string {
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  return Object.keys(a)
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((key) => `${key}: ${JSON.stringify(a[key]).slice(0, 80)} → ${JSON.stringify(b[key]).slice(0, 80)}`)
    .join("; ");
}

// ─── main ──────────────────────────────────────────────────────────────────────────────────────

const Q = {
  me: "{ me { id email name role } }",
  lists:
    "{ favourites(first: 50) { edges { cursor node { id } } } watchlist(first: 50) { edges { cursor watchedAt node { id } } } preferences { likedGenreIds dislikedGenreIds languages minRating yearFrom yearTo maxRuntime mediaTypes includeAdult onboarded } apiTokens { id name revokedAt } }",
  media: "query($type: MediaType!, $tmdbId: Int!) { media(type: $type, tmdbId: $tmdbId) { id isFavourite inWatchlist isDismissed watchedAt } }",
  signUp: "mutation($input: SignUpInput!) { signUp(input: $input) { id email name } }",
  signIn: "mutation($input: SignInInput!) { signIn(input: $input) { id } }",
  createToken: "mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name } } }",
  revokeToken: "mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }",
  link: "mutation($input: LinkOAuthAccountInput!) { linkOAuthAccount(input: $input) { id email name } }",
} as const;

const mediaMutation = (name: string, extra = "") =>
  `mutation($media: MediaRefInput!${extra ? ", $watched: Boolean!" : ""}) { ${name}(media: $media${extra ? ", watched: $watched" : ""}) { id isFavourite inWatchlist isDismissed watchedAt } }`;

async function main() {
  stack = await startStack({ name: "security-probe", titles: TITLES, tmdbLatencyMs: 0, log });
  try {
    await probe();
  } finally {
    await stack.stop();
  }
}

async function probe() {
  const { services, env } = stack;
  const prisma = services.prisma;
  const secret = env.AUTH_SECRET!;
  // The cache holds the catalogue with details, and the hostile titles too (the stack's catalogue
  // server has the same seed and size, so every other title matches what it would answer).
  const catalogue = buildCatalogue({ size: TITLES, hostileTitles: true });
  await cacheWholeCatalogue(prisma, catalogue, log);
  // Info level: every request line is written, so the secrets check below reads what production would log.
  const api = await stack.startApi({ LOG_LEVEL: "info" });
  baseUrl = api.url;
  log(`API (production build) at ${baseUrl}`);

  const popular = catalogue.popular("movie").slice(0, 12);
  const ref = (index: number) => ({ type: "MOVIE" as const, tmdbId: popular[index]!.id });
  const idOf = (index: number) => `movie:${popular[index]!.id}`;

  // ── users ──
  // A web session as the web server starts one at sign-in (its row, and its id in the cookie).
  const cookieFor = async (user: { id: string; email: string }, options: { secret?: string; maxAge?: number } = {}) =>
    encode({
      // (A made-up user has no session to start: its cookie names one that does not exist.)
      token: { sub: user.id, email: user.email, sid: await startWebSession({ prisma }, { userId: user.id }).catch(() => randomUUID()) },
      secret: options.secret ?? secret,
      ...(options.maxAge !== undefined ? { maxAge: options.maxAge } : {}),
    }).then((jwt) => `next-auth.session-token=${jwt}`);
  async function newUser(label: string, role: "USER" | "ADMIN" = "USER") {
    const email = `${label}-${randomBytes(3).toString("hex")}@probe.test`;
    const password = `pw-${randomBytes(6).toString("hex")}`;
    const { signUp } = await must<{ signUp: { id: string } }>(Q.signUp, { input: { email, password, name: `Probe ${label}` } }, {});
    if (role === "ADMIN") await prisma.user.update({ where: { id: signUp.id }, data: { role } });
    const { secret: token, token: row } = await createApiToken({ prisma }, { userId: signUp.id, name: "probe" });
    const user = { id: signUp.id, email, password, token, tokenId: row.id };
    return { ...user, cookie: await cookieFor(user) };
  }
  const A = await newUser("a");
  const B = await newUser("b");
  const admin = await newUser("admin", "ADMIN");
  const doomed = await newUser("deleted");

  // A's data, made over HTTP: favourites 0 and 1, watchlist 2 (to watch) and 3 (watched), dismissal 4, preferences, a second token.
  await must(mediaMutation("addFavourite"), { media: ref(0) }, A);
  await must(mediaMutation("addFavourite"), { media: ref(1) }, A);
  await must(mediaMutation("addToWatchlist"), { media: ref(2) }, A);
  await must(mediaMutation("markWatched", "watched"), { media: ref(3), watched: true }, A);
  await must(mediaMutation("dismiss"), { media: ref(4) }, A);
  await must('mutation { updatePreferences(input: { likedGenreIds: [80, 18], languages: ["en"], minRating: 6, onboarded: true }) { onboarded } }', {}, A);
  const a2 = (await must<{ createApiToken: { secret: string; token: { id: string } } }>(Q.createToken, { input: { name: "A second" } }, A)).createApiToken;
  const aLists = await must<any>(Q.lists, {}, A);
  const aFavouriteCursor = aLists.favourites.edges[1].cursor as string;
  const aWatchlistCursor = aLists.watchlist.edges[1].cursor as string;
  // B has a little of its own: favourite 5, so its lists are not empty.
  await must(mediaMutation("addFavourite"), { media: ref(5) }, B);

  // Tokens that must not work: revoked (by A, over HTTP), expired, and a deleted user's.
  const revoked = (await must<{ createApiToken: { secret: string; token: { id: string } } }>(Q.createToken, { input: { name: "to revoke" } }, A))
    .createApiToken;
  await must(Q.revokeToken, { id: revoked.token.id }, A);
  const expired = await createApiToken({ prisma }, { userId: A.id, name: "expired", expiresAt: new Date(Date.now() - 60_000) });
  await prisma.user.delete({ where: { id: doomed.id } });

  guardUserId = A.id;
  guardBaseline = JSON.stringify(await rowsOf(A.id));
  log(
    `users A ${A.id}, B ${B.id}, admin ${admin.id}; A owns ${aLists.favourites.edges.length} favourites, ${aLists.watchlist.edges.length} watchlist items, 1 dismissal, ${aLists.apiTokens.length} tokens`,
  );

  // What B reads must be B's own: every list item and every per-user field, against B's rows.
  async function bOwns(data: any, who = B): Promise<string[]> {
    const rows = await rowsOf(who.id);
    const key = (row: { media_type: string; tmdb_id: number }) => `${row.media_type.toLowerCase()}:${row.tmdb_id}`;
    const favourites = new Set(rows.favourites.map(key));
    // The interaction log: a title on the watchlist has a `watchlist` row, a watched one a `watched` row.
    const watchlist = new Set(rows.watchlist.filter((row) => row.kind === "watchlist").map(key));
    const watched = new Set(rows.watchlist.filter((row) => row.kind === "watched").map(key));
    const dismissed = new Set(rows.dismissals.map(key));
    const tokens = new Set(rows.tokens.map((row) => row.id as string));
    const problems: string[] = [];
    const other = who === B ? "A" : "another user";
    if (data?.me && data.me.id !== who.id) problems.push(`LEAK: me is ${data.me.id}, not the caller`);
    for (const edge of data?.favourites?.edges ?? []) if (!favourites.has(edge.node.id)) problems.push(`LEAK: favourites lists ${edge.node.id}, ${other}'s`);
    for (const edge of data?.watchlist?.edges ?? [])
      if (!watchlist.has(edge.node.id) && !watched.has(edge.node.id)) problems.push(`LEAK: watchlist lists ${edge.node.id}, ${other}'s`);
    for (const token of data?.apiTokens ?? []) if (!tokens.has(token.id)) problems.push(`LEAK: apiTokens lists ${token.id}, ${other}'s`);
    if (data?.preferences && rows.preference[0] && JSON.stringify(data.preferences.likedGenreIds) !== JSON.stringify(rows.preference[0].liked_genre_ids))
      problems.push(`LEAK: preferences are not the caller's`);
    const medias = [
      data?.media,
      ...Object.values(data ?? {}).filter((value: any) => value?.isFavourite !== undefined && value?.id),
      ...(data?.recommendations?.edges ?? []).map((edge: any) => edge.node.media),
    ].filter(Boolean);
    for (const media of new Set(medias)) {
      const expected = {
        isFavourite: favourites.has(media.id),
        inWatchlist: watchlist.has(media.id),
        isDismissed: dismissed.has(media.id),
        watched: watched.has(media.id),
      };
      const got = { isFavourite: media.isFavourite, inWatchlist: media.inWatchlist, isDismissed: media.isDismissed, watched: Boolean(media.watchedAt) };
      if (JSON.stringify(expected) !== JSON.stringify(got))
        problems.push(`LEAK: per-user fields of ${media.id} are ${JSON.stringify(got)}, the caller's rows say ${JSON.stringify(expected)}`);
    }
    return problems;
  }
  const scopedTo = (who: typeof B) => async (response: Response) => bOwns(response.json?.data, who);

  // ═══ (a) IDOR: B on A's data ═══
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
  // Concurrent A and B traffic on the same titles: no answer may carry the other's per-user fields.
  {
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

  // ═══ (b) auth ═══
  const meStrict = "{ me { id } favourites(first: 1) { edges { node { id } } } }";
  const tokenCases: Array<[string, string]> = [
    ["revoked token", revoked.secret],
    ["expired token", expired.secret],
    ["deleted user's token", doomed.token],
    ["forged token (random mr_ secret)", `mr_${randomBytes(32).toString("base64url")}`],
    ["A's token with its last character changed", A.token.slice(0, -1) + (A.token.endsWith("A") ? "B" : "A")],
    ["A's token prefix only", A.token.slice(0, 10)],
    ["A's token with a suffix", `${A.token}x`],
    ["300-character token", `mr_${"a".repeat(297)}`],
    ["token without the mr_ prefix", randomBytes(32).toString("base64url")],
    ["token of 10 kB", `mr_${"z".repeat(10_000)}`],
    ["SQL-like token", "mr_' OR '1'='1' --"],
  ];
  for (const [what, token] of tokenCases) await attempt("auth", what, () => gql(meStrict, {}, { token }), { refuse: ["UNAUTHENTICATED"] });
  const headerCases: Array<[string, string]> = [
    ["Authorization: Bearer (empty)", "Bearer "],
    ["Authorization: Basic", `Basic ${Buffer.from("a:b").toString("base64")}`],
    ["Authorization: Bearer with two tokens", `Bearer ${A.token} ${B.token}`],
    ["Authorization: Token <A's token>", `Token ${A.token}`],
    ["Authorization: A's token without a scheme", A.token],
  ];
  for (const [what, value] of headerCases)
    await attempt("auth", what, () => gql(meStrict, {}, { headers: { authorization: value } }), { refuse: ["UNAUTHENTICATED"] });
  await attempt(
    "auth",
    "Authorization: bearer (lower case) <A's token> acts as A",
    () => gql(`{ me { id } ${Q.lists.slice(1)}`, {}, { headers: { authorization: `bearer ${A.token}` } }),
    { verify: scopedTo(A) },
  );

  const fakeUser = { id: randomUUID(), email: "nobody@probe.test" };
  const jwtUnsigned = (payload: object) =>
    `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.`;
  const cookieCases: Array<[string, string]> = [
    ["garbled session cookie", `next-auth.session-token=${randomBytes(120).toString("base64url")}`],
    ["session cookie for A made with the wrong secret", await cookieFor(A, { secret: "not-the-secret-0123456789abcdef" })],
    ["expired session cookie for A", await cookieFor(A, { maxAge: -60 })],
    ["session cookie for a user that never existed", await cookieFor(fakeUser)],
    ["session cookie of a deleted user", doomed.cookie],
    ["unsigned (alg: none) JWT naming A", `next-auth.session-token=${jwtUnsigned({ sub: A.id, email: A.email, exp: Math.floor(Date.now() / 1000) + 3600 })}`],
    ['session cookie with sub "\' OR 1=1 --"', await cookieFor({ id: "' OR 1=1 --", email: "x@probe.test" })],
    ["A's cookie cut in half", A.cookie.slice(0, Math.floor(A.cookie.length / 2))],
    ["20 kB cookie header", `next-auth.session-token=${"x".repeat(20_000)}`],
    ["session cookie that is not valid %-encoding", "next-auth.session-token=%E0%A4%A"],
    ["only another app's cookie, not valid %-encoding", "theme=100%; x=%zz"],
    [
      "A's cookie as 3 chunks in the wrong order",
      (() => {
        const value = A.cookie.split("=")[1]!;
        const third = Math.ceil(value.length / 3);
        return [2, 0, 1].map((chunk, index) => `next-auth.session-token.${index}=${value.slice(chunk * third, chunk * third + third)}`).join("; ");
      })(),
    ],
  ];
  for (const [what, cookie] of cookieCases) {
    // A bad cookie is no cookie: anonymous, so user data is refused.
    await attempt("auth", what, () => gql(meStrict, {}, { cookie }), {
      refuse: ["UNAUTHENTICATED", "HTTP 431"],
      verify: (response) => (response.json?.data?.me ? [`LEAK: answered as ${response.json.data.me.id}`] : []),
    });
  }
  await attempt(
    "auth",
    "A's cookie next to another app's cookie that is not valid %-encoding acts as A",
    () => gql(`{ me { id } ${Q.lists.slice(1)}`, {}, { cookie: `theme=%E0%A4%A; ${A.cookie}` }),
    { verify: scopedTo(A) },
  );
  await attempt(
    "auth",
    "A's valid cookie under the __Secure- name acts as A",
    () => gql(`{ me { id } ${Q.lists.slice(1)}`, {}, { cookie: A.cookie.replace("next-auth.session-token", "__Secure-next-auth.session-token") }),
    { verify: scopedTo(A) },
  );
  await attempt("auth", "anonymous: favourites", () => gql("{ favourites { edges { node { id } } } }"), { refuse: ["UNAUTHENTICATED"] });
  await attempt("auth", "anonymous: createApiToken", () => gql(Q.createToken, { input: { name: "anon" } }), { refuse: ["UNAUTHENTICATED"] });
  await attempt("auth", "anonymous: updatePreferences", () => gql("mutation { updatePreferences(input: { onboarded: true }) { onboarded } }"), {
    refuse: ["UNAUTHENTICATED"],
  });
  for (const [via, auth] of [
    ["token", { token: B.token }],
    ["session cookie", { cookie: B.cookie }],
    ["anonymous", {}],
  ] as const) {
    const code = via === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN";
    await attempt(
      "auth",
      `ingestStatus as ${via === "anonymous" ? "anonymous" : `a normal user (${via})`}`,
      () => gql("{ ingestStatus { queues { name failed } } }", {}, auth),
      { refuse: [code] },
    );
    await attempt(
      "auth",
      `refreshMediaCache as ${via === "anonymous" ? "anonymous" : `a normal user (${via})`}`,
      () => gql("mutation { refreshMediaCache { jobId } }", {}, auth),
      { refuse: [code] },
    );
  }
  await attempt("auth", "ingestStatus as an admin (control)", () => gql("{ ingestStatus { queues { name } } }", {}, { token: admin.token }));
  const dashboard: Array<[string, string, string, Record<string, string>, string]> = [
    ["GET /admin/queues anonymous", "GET", "/admin/queues", {}, "HTTP 401"],
    ["GET /admin/queues with a forged token", "GET", "/admin/queues", { authorization: `Bearer mr_${randomBytes(32).toString("base64url")}` }, "HTTP 401"],
    ["GET /admin/queues with a revoked token", "GET", "/admin/queues", { authorization: `Bearer ${revoked.secret}` }, "HTTP 401"],
    ["GET /admin/queues as a normal user (token)", "GET", "/admin/queues", { authorization: `Bearer ${B.token}` }, "HTTP 403"],
    ["GET /admin/queues as a normal user (cookie)", "GET", "/admin/queues", { cookie: B.cookie }, "HTTP 403"],
    ["GET /admin/queues/api/queues as a normal user", "GET", "/admin/queues/api/queues", { authorization: `Bearer ${B.token}` }, "HTTP 403"],
    [
      "PUT /admin/queues/api/queues/ingest/pause as a normal user",
      "PUT",
      "/admin/queues/api/queues/ingest/pause",
      { authorization: `Bearer ${B.token}` },
      "HTTP 403",
    ],
    ["PUT /admin/queues/api/queues/ingest/clean/failed anonymous", "PUT", "/admin/queues/api/queues/ingest/clean/failed", {}, "HTTP 401"],
    [
      "GET /admin/queues/../queues/api/queues (path trick) as a normal user",
      "GET",
      "/admin/queues/%2e%2e/queues/api/queues",
      { authorization: `Bearer ${B.token}` },
      "HTTP 403",
    ],
  ];
  for (const [what, method, path, headers, code] of dashboard) {
    await attempt("auth", what, () => request(path, { method, headers }), {
      refuse: [code, "HTTP 404"],
      verify: (response) => (response.status === 200 ? [`LEAK: the dashboard answered 200`] : []),
    });
  }
  await attempt(
    "auth",
    "GET /admin/queues/api/queues as an admin (control)",
    () => request("/admin/queues/api/queues", { headers: { authorization: `Bearer ${admin.token}` } }),
    {
      verify: (response) => (response.status === 200 && Array.isArray(response.json?.queues) ? [] : [`admin got HTTP ${response.status}`]),
    },
  );
  const linkInput = {
    input: { provider: "github", providerAccountId: "424242", email: `oauth-${randomBytes(3).toString("hex")}@probe.test`, name: "OAuth person" },
  };
  await attempt("auth", "linkOAuthAccount without the internal key", () => gql(Q.link, linkInput, {}), { refuse: ["FORBIDDEN"] });
  await attempt("auth", "linkOAuthAccount as a signed-in user (B)", () => gql(Q.link, linkInput, { token: B.token }), { refuse: ["FORBIDDEN"] });
  await attempt(
    "auth",
    "linkOAuthAccount with a wrong key",
    () => gql(Q.link, linkInput, { headers: { [INTERNAL_KEY_HEADER]: randomBytes(32).toString("hex") } }),
    { refuse: ["FORBIDDEN"] },
  );
  await attempt(
    "auth",
    "linkOAuthAccount with a key from another secret",
    () => gql(Q.link, linkInput, { headers: { [INTERNAL_KEY_HEADER]: internalKey("some-other-secret-0123456789") } }),
    { refuse: ["FORBIDDEN"] },
  );
  await attempt("auth", "linkOAuthAccount with AUTH_SECRET itself as the key", () => gql(Q.link, linkInput, { headers: { [INTERNAL_KEY_HEADER]: secret } }), {
    refuse: ["FORBIDDEN"],
  });
  await attempt(
    "auth",
    "linkOAuthAccount with the key's first half",
    () => gql(Q.link, linkInput, { headers: { [INTERNAL_KEY_HEADER]: internalKey(secret).slice(0, 32) } }),
    { refuse: ["FORBIDDEN"] },
  );
  await attempt(
    "auth",
    "linkOAuthAccount with the right key (control: the web server)",
    () => gql(Q.link, linkInput, { headers: { [INTERNAL_KEY_HEADER]: internalKey(secret) } }),
    {
      verify: (response) => (response.json?.data?.linkOAuthAccount?.email === linkInput.input.email ? [] : ["the web server could not link"]),
    },
  );
  // A revoked token must also stop a session that started with it... there is none: tokens are stateless per request.
  await attempt(
    "auth",
    "B revokes B's own token, then uses it",
    async () => {
      const own = (await must<{ createApiToken: { secret: string; token: { id: string } } }>(Q.createToken, { input: { name: "short-lived" } }, B))
        .createApiToken;
      await must(Q.revokeToken, { id: own.token.id }, { token: own.secret });
      return gql(meStrict, {}, { token: own.secret });
    },
    { refuse: ["UNAUTHENTICATED"] },
  );

  // ═══ (c) query bombs ═══
  const depth = (levels: number) =>
    `query($type: MediaType!, $tmdbId: Int!) { media(type: $type, tmdbId: $tmdbId) { ${"similar(first: 1) { ".repeat(levels)}id${" }".repeat(levels)} } }`;
  await attempt("bombs", `depth ${API_LIMITS.maxDepth + 2} (similar in similar …)`, () => gql(depth(API_LIMITS.maxDepth + 2), ref(0), { token: B.token }), {
    refuse: ["QUERY_TOO_COMPLEX"],
  });
  await attempt("bombs", "depth 200", () => gql(depth(200), ref(0), { token: B.token }), { refuse: ["QUERY_TOO_COMPLEX"] });
  await attempt("bombs", "depth 3 (control)", () => gql(depth(3), ref(0), { token: B.token }));
  await attempt(
    "bombs",
    `aliases: ${API_LIMITS.maxAliases + 1} aliased media`,
    () =>
      gql(
        `{ ${Array.from({ length: API_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: media(type: MOVIE, tmdbId: ${popular[0]!.id}) { id }`).join(" ")} }`,
        {},
        { token: B.token },
      ),
    { refuse: ["QUERY_TOO_COMPLEX"] },
  );
  await attempt("bombs", "aliases: 500 aliased __typename", () => gql(`{ ${Array.from({ length: 500 }, (_, i) => `t${i}: __typename`).join(" ")} }`), {
    refuse: ["QUERY_TOO_COMPLEX"],
    orAccept: "__typename is on graphql-armor's alias allow-list: answered from the schema, no resolver runs",
  });
  await attempt(
    "bombs",
    `directives: ${API_LIMITS.maxDirectives + 5} @include on one field`,
    () => gql(`{ me ${"@include(if: true) ".repeat(API_LIMITS.maxDirectives + 5)}{ id } }`, {}, { token: B.token }),
    { refuse: ["QUERY_TOO_COMPLEX", "GRAPHQL_VALIDATION_FAILED"] },
  );
  await attempt("bombs", "directives: unknown @deprecated abuse", () => gql(`{ me @deprecated { id } }`, {}, { token: B.token }), {
    refuse: ["GRAPHQL_VALIDATION_FAILED"],
  });
  await attempt(
    "bombs",
    `tokens: ${API_LIMITS.maxTokens + 500} (repeated id fields)`,
    () => gql(`{ me { ${"id ".repeat(API_LIMITS.maxTokens + 500)} } }`, {}, { token: B.token }),
    { refuse: ["QUERY_TOO_COMPLEX"] },
  );
  await attempt("bombs", "field repetition under the token limit (1,900 × id)", () => gql(`{ me { ${"id ".repeat(1_900)} } }`, {}, { token: B.token }), {
    refuse: ["QUERY_TOO_COMPLEX"],
    orAccept: "repeated fields merge into one (graphql-js): answered cheaply",
  });
  await attempt(
    "bombs",
    "cost: browse(50) × similar(12) × similar(12) × cast(50)",
    () =>
      gql(
        "{ browse(filter: { type: MOVIE }, first: 50) { edges { node { similar(first: 12) { similar(first: 12) { cast(first: 50) { name } } } } } } }",
        {},
        { token: B.token },
      ),
    { refuse: ["QUERY_TOO_COMPLEX"] },
  );
  await attempt(
    "bombs",
    "cost: 15 aliases × recommendations(first: 50) × similar(12)",
    () =>
      gql(
        `{ ${Array.from({ length: 15 }, (_, i) => `r${i}: recommendations(first: 50) { edges { node { media { similar(first: 12) { cast(first: 10) { name } } } } } }`).join(" ")} }`,
        {},
        { token: B.token },
      ),
    { refuse: ["QUERY_TOO_COMPLEX"] },
  );
  await attempt(
    "bombs",
    "first: 1,000,000",
    () => gql("{ browse(filter: { type: MOVIE }, first: 1000000) { edges { node { id } } } }", {}, { token: B.token }),
    { refuse: ["BAD_USER_INPUT", "QUERY_TOO_COMPLEX"] },
  );
  await attempt("bombs", "first: -1", () => gql("{ favourites(first: -1) { edges { node { id } } } }", {}, { token: B.token }), { refuse: ["BAD_USER_INPUT"] });
  await attempt(
    "bombs",
    "cast(first: 100000)",
    () => gql(`{ media(type: MOVIE, tmdbId: ${popular[0]!.id}) { cast(first: 100000) { name } } }`, {}, { token: B.token }),
    { refuse: ["BAD_USER_INPUT", "QUERY_TOO_COMPLEX"] },
  );
  await attempt(
    "bombs",
    "fragment cycle A → B → A",
    () =>
      gql(
        "query { media(type: MOVIE, tmdbId: 11) { ...A } } fragment A on Media { similar { ...B } } fragment B on Media { similar { ...A } }",
        {},
        { token: B.token },
      ),
    { refuse: ["GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_COMPLEX"] },
  );
  await attempt("bombs", "self-referencing fragment", () => gql("query { me { ...F } } fragment F on User { id ...F }", {}, { token: B.token }), {
    refuse: ["GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_COMPLEX"],
  });
  await attempt(
    "bombs",
    "fragment fan-out: 10 fragments each spreading the next twice",
    () => {
      const fragments = Array.from({ length: 10 }, (_, i) =>
        i === 9 ? `fragment F9 on Media { id title }` : `fragment F${i} on Media { ...F${i + 1} similar(first: 2) { ...F${i + 1} } }`,
      ).join(" ");
      return gql(`query { media(type: MOVIE, tmdbId: ${popular[0]!.id}) { ...F0 } } ${fragments}`, {}, { token: B.token });
    },
    { refuse: ["QUERY_TOO_COMPLEX"] },
  );
  const introspection = `query { __schema { types { name fields(includeDeprecated: true) { name args { name type { name kind ofType { name kind ofType { name kind ofType { name kind ofType { name kind } } } } } } type { name kind ofType { name kind ofType { name kind ofType { name kind } } } } } } } }`;
  await attempt("bombs", "introspection, deep but linear ofType chains (as GraphiQL asks)", () => gql(introspection), {
    refuse: ["QUERY_TOO_COMPLEX"],
    orAccept: "linear: ofType has one value; armor skips __schema, graphql-js bounds the branching",
  });
  await attempt("bombs", "introspection, standard client query shape (control: allowed)", () =>
    gql("query { __schema { queryType { name } mutationType { name } types { name kind fields { name type { name kind ofType { name kind } } } } } }"),
  );
  const fanOut = (levels: number) => `{ __schema { types { ${"fields { type { ".repeat(levels)}name${" } }".repeat(levels)} } } }`;
  await attempt("bombs", "introspection fan-out: types → (fields → type) × 3", () => gql(fanOut(3)), {
    refuse: ["GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_COMPLEX"],
  });
  await attempt("bombs", "introspection fan-out: types → (fields → type) × 40", () => gql(fanOut(40)), {
    refuse: ["GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_COMPLEX"],
  });
  await attempt(
    "bombs",
    "introspection fan-out via interfaces/possibleTypes × 6",
    () => gql(`{ __schema { types { ${"possibleTypes { interfaces { ".repeat(6)}name${" } }".repeat(6)} } } }`),
    { refuse: ["GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_COMPLEX"] },
  );
  await attempt(
    "bombs",
    "introspection fan-out via __type(name:) × 5",
    () => gql(`{ __type(name: "Media") { ${"fields { type { ofType { fields { type { ".repeat(5)}name${" } } } } }".repeat(5)} } }`),
    { refuse: ["GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_COMPLEX"] },
  );
  await attempt(
    "bombs",
    "introspection: 15 aliased __schema (at the alias limit)",
    () => gql(`{ ${Array.from({ length: 15 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(" ")} }`),
    { refuse: ["QUERY_TOO_COMPLEX"], orAccept: "15 aliases are allowed: 15 schema listings" },
  );
  await attempt(
    "bombs",
    "introspection: 16 aliased __schema",
    () => gql(`{ ${Array.from({ length: 16 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(" ")} }`),
    { refuse: ["QUERY_TOO_COMPLEX"] },
  );
  await attempt(
    "bombs",
    "batched array of 2 operations",
    () =>
      request("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify([{ query: "{ me { id } }" }, { query: "{ me { id } }" }]),
      }),
    { refuse: ["BAD_REQUEST"] },
  );
  await attempt(
    "bombs",
    "batched array of 2,000 operations",
    () =>
      request("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${B.token}` },
        body: JSON.stringify(Array.from({ length: 2_000 }, () => ({ query: "{ me { id } }" }))),
      }),
    { refuse: ["BAD_REQUEST"] },
  );
  await attempt("bombs", "two operations, no operationName", () => gql("query A { me { id } } query B { me { email } }", {}, { token: B.token }), {
    refuse: ["GRAPHQL_VALIDATION_FAILED", "OPERATION_RESOLUTION_FAILURE", "BAD_REQUEST"],
  });
  await attempt(
    "bombs",
    "operationName that does not exist",
    () =>
      request("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "query A { me { id } }", operationName: "Nope" }),
      }),
    { refuse: ["OPERATION_RESOLUTION_FAILURE", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST"] },
  );
  await attempt(
    "bombs",
    "mutation over GET",
    () =>
      request(`/graphql?query=${encodeURIComponent('mutation { createApiToken(input: { name: "x" }) { secret } }')}`, {
        headers: { authorization: `Bearer ${B.token}`, "apollo-require-preflight": "1" },
      }),
    { refuse: ["BAD_REQUEST", "HTTP 405"] },
  );
  await attempt(
    "bombs",
    "GET without a CSRF preflight header (simple request)",
    () => request(`/graphql?query=${encodeURIComponent("{ me { id } }")}`, { headers: { cookie: B.cookie } }),
    { refuse: ["BAD_REQUEST"] },
  );
  await attempt(
    "bombs",
    "persisted-query hash that is unknown",
    () =>
      request("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }),
      }),
    { refuse: ["PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_NOT_SUPPORTED", "BAD_REQUEST"] },
  );
  await attempt("bombs", "syntax error", () => gql("{ me { id ", {}, { token: B.token }), { refuse: ["GRAPHQL_PARSE_FAILED"] });
  await attempt("bombs", "30 kB of nested braces", () => gql("{".repeat(30_000), {}, { token: B.token }), {
    refuse: ["GRAPHQL_PARSE_FAILED", "QUERY_TOO_COMPLEX"],
  });

  // ═══ (d) bodies ═══
  const json = (body: string | Buffer, headers: Record<string, string> = {}) =>
    request("/graphql", { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${B.token}`, ...headers }, body });
  await attempt(
    "bodies",
    `oversized: 150 kB JSON (limit ${API_LIMITS.bodyBytes} B)`,
    () => json(JSON.stringify({ query: "{ me { id } }", variables: { pad: "x".repeat(150_000) } })),
    { refuse: ["BAD_REQUEST"], verify: (response) => (response.status === 413 ? [] : [`HTTP ${response.status}, not 413`]) },
  );
  await attempt("bodies", "oversized: 5 MB JSON", () => json(JSON.stringify({ query: "{ me { id } }", variables: { pad: "x".repeat(5_000_000) } })), {
    refuse: ["BAD_REQUEST", "ECONNRESET", "EPIPE"],
  });
  await attempt("bodies", "malformed JSON (cut short)", () => json('{"query": "{ me { id } }"'), { refuse: ["BAD_REQUEST"] });
  await attempt("bodies", "malformed JSON (trailing garbage)", () => json('{"query": "{ me { id } }"} xyz'), { refuse: ["BAD_REQUEST"] });
  await attempt("bodies", "empty body with content-type JSON", () => json(""), { refuse: ["BAD_REQUEST"] });
  await attempt("bodies", "JSON null", () => json("null"), { refuse: ["BAD_REQUEST"] });
  await attempt("bodies", "JSON string", () => json('"{ me { id } }"'), { refuse: ["BAD_REQUEST"] });
  await attempt("bodies", "query as a number", () => json('{"query": 42}'), { refuse: ["BAD_REQUEST"] });
  await attempt("bodies", "variables as a string", () => json('{"query": "{ me { id } }", "variables": "x"}'), { refuse: ["BAD_REQUEST"] });
  await attempt(
    "bodies",
    "__proto__ in the body and variables",
    () =>
      json(
        '{"query": "query($q: String!) { searchMedia(query: $q) { edges { node { id } } } }", "variables": {"q": "dark", "__proto__": {"admin": true}}, "__proto__": {"x": 1}}',
      ),
    { refuse: ["BAD_REQUEST"] },
  );
  await attempt(
    "bodies",
    "constructor.prototype in variables",
    () =>
      json(
        '{"query": "query($q: String!) { searchMedia(query: $q) { edges { node { id } } } }", "variables": {"q": "dark", "constructor": {"prototype": {"admin": true}}}}',
      ),
    { refuse: ["BAD_REQUEST"], orAccept: "an unused variable, ignored" },
  );
  for (const [what, type, body] of [
    ["content-type text/plain", "text/plain", '{"query": "{ me { id } }"}'],
    ["content-type application/x-www-form-urlencoded", "application/x-www-form-urlencoded", "query=%7B+me+%7B+id+%7D+%7D"],
    [
      "content-type multipart/form-data",
      "multipart/form-data; boundary=x",
      '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ me { id } }\r\n--x--\r\n',
    ],
    ["content-type application/xml", "application/xml", "<query>{ me { id } }</query>"],
  ] as const) {
    await attempt("bodies", what, () => request("/graphql", { method: "POST", headers: { "content-type": type, cookie: B.cookie }, body }), {
      refuse: ["BAD_REQUEST", "HTTP 415"],
    });
  }
  await attempt(
    "bodies",
    "content-type application/json; charset=utf-16 (a UTF-8 body)",
    () =>
      request("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-16", cookie: B.cookie },
        body: '{"query": "{ me { id } }"}',
      }),
    { refuse: ["BAD_REQUEST", "HTTP 415"], orAccept: "the charset parameter is ignored; JSON is read as UTF-8" },
  );
  await attempt("bodies", "no content-type", () => request("/graphql", { method: "POST", headers: { cookie: B.cookie }, body: '{"query": "{ me { id } }"}' }), {
    refuse: ["BAD_REQUEST", "HTTP 415"],
  });
  await attempt(
    "bodies",
    "huge variables: 90 kB search string",
    () => gql("query($q: String!) { searchMedia(query: $q) { edges { node { id } } } }", { q: "a".repeat(90_000) }, { token: B.token }),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt(
    "bodies",
    "huge variables: 5,000-item genre list",
    () =>
      gql(
        "query($g: [Int!]) { browse(filter: { type: MOVIE, genreIds: $g }) { edges { node { id } } } }",
        { g: Array.from({ length: 5_000 }, (_, i) => i + 1) },
        { token: B.token },
      ),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt(
    "bodies",
    "huge variables: 20,000-item genre list (over the body limit)",
    () =>
      gql(
        "query($g: [Int!]) { browse(filter: { type: MOVIE, genreIds: $g }) { edges { node { id } } } }",
        { g: Array.from({ length: 20_000 }, (_, i) => i + 1) },
        { token: B.token },
      ),
    { refuse: ["BAD_REQUEST"] },
  );
  await attempt("bodies", "huge variables: 5,000 unused variables", () =>
    gql("{ me { id } }", Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`v${i}`, i])), { token: B.token }),
  );
  await attempt(
    "bodies",
    "huge variables: 10,000 unused variables (over the body limit)",
    () => gql("{ me { id } }", Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`v${i}`, i])), { token: B.token }),
    { refuse: ["BAD_REQUEST"] },
  );
  await attempt(
    "bodies",
    "deeply nested JSON (20,000 levels) in variables",
    () => json(`{"query": "{ me { id } }", "variables": {"x": ${"[".repeat(20_000)}${"]".repeat(20_000)}}}`),
    { refuse: ["BAD_REQUEST"], orAccept: "an unused variable, ignored" },
  );
  await attempt(
    "bodies",
    "NUL byte in a search query",
    () => gql("query($q: String!) { searchMedia(query: $q) { edges { node { id } } } }", { q: "dark\u0000knight" }, { token: B.token }),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt("bodies", "NUL byte in a token name", () => gql(Q.createToken, { input: { name: "home\u0000server" } }, { token: B.token }), {
    refuse: ["BAD_USER_INPUT"],
  });
  await attempt(
    "bodies",
    "NUL byte in sign-up name",
    () => gql(Q.signUp, { input: { email: `nul-${randomBytes(3).toString("hex")}@probe.test`, password: "long-enough-1", name: "a\u0000b" } }),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt(
    "bodies",
    "NUL byte in sign-up email",
    () => gql(Q.signUp, { input: { email: `nul\u0000-${randomBytes(3).toString("hex")}@probe.test`, password: "long-enough-1" } }),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt("bodies", "NUL byte in sign-in email", () => gql(Q.signIn, { input: { email: `${A.email}\u0000`, password: A.password } }), {
    refuse: ["UNAUTHENTICATED", "BAD_USER_INPUT"],
  });
  await attempt(
    "bodies",
    "NUL byte in a GraphQL string literal (search)",
    () => gql('{ searchMedia(query: "dark\\u0000") { edges { node { id } } } }', {}, { token: B.token }),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt(
    "bodies",
    "NUL byte in a GET request's variables",
    () =>
      request(
        `/graphql?query=${encodeURIComponent("query($q: String!) { searchMedia(query: $q) { edges { node { id } } } }")}&variables=${encodeURIComponent(JSON.stringify({ q: "a\u0000b" }))}`,
        { headers: { authorization: `Bearer ${B.token}`, "apollo-require-preflight": "1" } },
      ),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt(
    "bodies",
    "NUL byte in recommendations language filter",
    () =>
      gql("query($l: [String!]) { recommendations(first: 5, filter: { languages: $l }) { edges { node { score } } } }", { l: ["e\u0000"] }, { token: B.token }),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt("bodies", "NUL byte in a revoke id", () => gql(Q.revokeToken, { id: `${a2.token.id}\u0000` }, { token: B.token }), {
    refuse: ["NOT_FOUND", "BAD_USER_INPUT"],
  });
  await attempt(
    "bodies",
    "NUL byte in a list cursor",
    () =>
      gql(
        "query($after: String) { favourites(after: $after) { edges { node { id } } } }",
        { after: Buffer.from(JSON.stringify({ createdAt: "2020-01-01T00:00:00Z", id: `${"0".repeat(35)}\u0000` })).toString("base64url") },
        { token: B.token },
      ),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt(
    "bodies",
    "invalid UTF-8 bytes in a search variable",
    () =>
      json(
        Buffer.concat([
          Buffer.from('{"query": "query($q: String!) { searchMedia(query: $q) { edges { node { id } } } }", "variables": {"q": "ab'),
          Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
          Buffer.from('cd"}}'),
        ]),
      ),
    { refuse: ["BAD_REQUEST", "BAD_USER_INPUT"], orAccept: "decoded with U+FFFD replacements, searched as text" },
  );
  await attempt("bodies", "lone UTF-16 surrogate in a token name", () => gql(Q.createToken, { input: { name: "half \ud800 pair" } }, { token: B.token }), {
    refuse: ["BAD_USER_INPUT"],
    orAccept: "stored with U+FFFD in place of the lone surrogate",
    verify: async (response) => {
      const id = response.json?.data?.createApiToken?.token?.id;
      if (id) await must(Q.revokeToken, { id }, { token: B.token });
      return [];
    },
  });
  const wrongTypes: Array<[string, string, Record<string, unknown>]> = [
    ["tmdbId as a string", Q.media, { type: "MOVIE", tmdbId: "550" }],
    ["tmdbId 2^31 (Int overflow)", Q.media, { type: "MOVIE", tmdbId: 2 ** 31 }],
    ["tmdbId 1e20", Q.media, { type: "MOVIE", tmdbId: 1e20 }],
    ["tmdbId 0", Q.media, { type: "MOVIE", tmdbId: 0 }],
    ["tmdbId -5", Q.media, { type: "MOVIE", tmdbId: -5 }],
    ["tmdbId 1.5", Q.media, { type: "MOVIE", tmdbId: 1.5 }],
    ["type BOOK", Q.media, { type: "BOOK", tmdbId: 550 }],
    ["type null", Q.media, { type: null, tmdbId: 550 }],
    ["media ref as an array", mediaMutation("addFavourite"), { media: [ref(0)] }],
    ["watched as a string", mediaMutation("markWatched", "watched"), { media: ref(6), watched: "yes" }],
    ["minRating NaN-like string", "mutation($r: Float) { updatePreferences(input: { minRating: $r }) { minRating } }", { r: "NaN" }],
    ["minRating 1e308", "mutation($r: Float) { updatePreferences(input: { minRating: $r }) { minRating } }", { r: 1e308 }],
    ["yearFrom 99999", "mutation { updatePreferences(input: { yearFrom: 99999 }) { yearFrom } }", {}],
    [
      "likedGenreIds 41 items",
      "mutation($g: [Int!]) { updatePreferences(input: { likedGenreIds: $g }) { likedGenreIds } }",
      { g: Array.from({ length: 41 }, (_, i) => i + 1) },
    ],
    ["expiresInDays 0", Q.createToken, { input: { name: "x", expiresInDays: 0 } }],
    ["expiresInDays 10^6", Q.createToken, { input: { name: "x", expiresInDays: 1_000_000 } }],
    ["after: not a cursor", "query($after: String) { favourites(after: $after) { edges { node { id } } } }", { after: "not-a-cursor!" }],
    [
      "after: offset cursor 10^9",
      "query($after: String) { browse(filter: { type: MOVIE }, after: $after) { edges { node { id } } } }",
      { after: Buffer.from(JSON.stringify({ o: 1e9 })).toString("base64url") },
    ],
    [
      "after: cursor with an SQL-like id",
      "query($after: String) { watchlist(after: $after) { edges { node { id } } } }",
      { after: Buffer.from(JSON.stringify({ createdAt: "2020-01-01T00:00:00Z", id: "' OR 1=1 --" })).toString("base64url") },
    ],
    ["browse language 10 kB", "query($l: String) { browse(filter: { type: MOVIE, language: $l }) { edges { node { id } } } }", { l: "e".repeat(10_000) }],
    ["browse yearFrom -2^31", "query($y: Int) { browse(filter: { type: MOVIE, yearFrom: $y }) { edges { node { id } } } }", { y: -(2 ** 31) }],
    [
      "recommendations languages of 10 kB",
      "query($l: [String!]) { recommendations(first: 5, filter: { languages: $l }) { edges { node { score } } } }",
      { l: ["x".repeat(10_000)] },
    ],
    [
      "recommendations 5,000 genre ids",
      "query($g: [Int!]) { recommendations(first: 5, filter: { genreIds: $g }) { edges { node { score } } } }",
      { g: Array.from({ length: 5_000 }, (_, i) => i) },
    ],
    ["recommendations yearFrom > yearTo", "{ recommendations(first: 5, filter: { yearFrom: 2020, yearTo: 1990 }) { edges { node { score } } } }", {}],
    ["search type as a number", 'query($t: MediaType) { searchMedia(query: "dark", type: $t) { edges { node { id } } } }', { t: 1 }],
  ];
  for (const [what, query, variables] of wrongTypes) {
    await attempt("bodies", `wrong variable: ${what}`, () => gql(query, variables, { token: B.token }), {
      refuse: ["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "NOT_FOUND"],
    });
  }
  await attempt(
    "bodies",
    "extremely long string: 10 kB token name",
    () => gql(Q.createToken, { input: { name: "<script>".repeat(1_250) } }, { token: B.token }),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt(
    "bodies",
    "extremely long string: 10 kB sign-up name",
    () => gql(Q.signUp, { input: { email: `long-${randomBytes(3).toString("hex")}@probe.test`, password: "long-enough-1", name: "n".repeat(10_000) } }),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt(
    "bodies",
    "extremely long string: 10 kB email",
    () => gql(Q.signUp, { input: { email: `${"e".repeat(10_000)}@probe.test`, password: "long-enough-1" } }),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt(
    "bodies",
    "extremely long string: 50 kB password",
    () => gql(Q.signUp, { input: { email: `pw-${randomBytes(3).toString("hex")}@probe.test`, password: "p".repeat(50_000) } }),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt(
    "bodies",
    "extremely long string: 50 kB password at sign-in",
    () => gql(Q.signIn, { input: { email: A.email, password: "p".repeat(50_000) } }),
    { refuse: ["UNAUTHENTICATED", "BAD_USER_INPUT"] },
  );
  await attempt(
    "bodies",
    "extremely long string: 10 kB search literal",
    () => gql(`{ searchMedia(query: "${"q".repeat(10_000)}") { edges { node { id } } } }`, {}, { token: B.token }),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt(
    "bodies",
    "x-request-id header with markup and 8 kB",
    () =>
      request("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": `<script>alert(1)</script>${"r".repeat(8_000)}` },
        body: JSON.stringify({ query: "{ me { id } }" }),
      }),
    {
      verify: (response) =>
        String(response.headers["x-request-id"] ?? "").includes("<script>")
          ? ["NOTE: the client's x-request-id is echoed back as given (a header, never HTML)"]
          : [],
    },
  );

  // ═══ (e) hostile strings: stored where a user can, read back byte-exact ═══
  const hostile: Array<[string, string]> = [
    ['SQL: \'; DROP TABLE "User"; --', `'; DROP TABLE "User"; --`],
    ["SQL: ' OR 1=1 --", `' OR 1=1 --`],
    ["SQL: Robert'); DROP TABLE api_token;--", `Robert'); DROP TABLE api_token;--`],
    ['SQL: " OR ""=" and backslash-quote', `" OR ""=" \\' \\"`],
    ["SQL: pg_sleep", `'; SELECT pg_sleep(10); --`],
    ["markup: <script>", `<script>alert(1)</script>`],
    ["markup: <img onerror>", `<img src=x onerror=alert(1)>`],
    ["markup: <svg onload>", `<svg/onload=alert(1)>`],
    ["markup: closing tags and attribute break-out", `"></textarea></script><b x="`],
    ["URL: javascript:", `javascript:alert(document.cookie)`],
    ["URL: data:text/html", `data:text/html,<script>alert(1)</script>`],
    ["entities: &lt; &amp; &#x3C;", `&lt;b&gt; &amp; &#x3C;script&#x3E;`],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile string, on purpose
    ["template: ${} {{}} %s", "${7*7} {{7*7}} #{7*7} %s %n"],
    ["unicode: RTL override", `\u202Egnp.exe\u202C.txt`],
    ["unicode: zero-width, combining, emoji, astral", `Z\u200Be\u200Dro e\u0301 👩‍👩‍👧 𝔘𝔫𝔦`],
    ["unicode: Hebrew, Arabic, CJK", `שלום مرحبا 你好 こんにちは`],
    ["control: CR LF TAB", `line1\r\nline2\tTab`],
    ["path: ../../etc/passwd", `../../etc/passwd`],
    ["header: CRLF Set-Cookie", `x%0d%0aSet-Cookie: a=1\r\nSet-Cookie: b=2`],
    ["JSON: quotes and backslashes", `{"a":"\\u0000","b":[1,2]}`],
  ];
  const usersBefore = Number((await stack.sql.query(`SELECT count(*) FROM "user"`)).rows[0].count);
  const tokensBefore = Number((await stack.sql.query("SELECT count(*) FROM api_token")).rows[0].count);
  for (const [what, value] of hostile) {
    // API token name (1–60 characters, trimmed).
    if (value.trim().length <= 60) {
      await attempt("hostile", `token name, ${what}`, () => gql(Q.createToken, { input: { name: value } }, { token: B.token }), {
        stored: true,
        verify: async (response) => {
          const created = response.json?.data?.createApiToken;
          if (!created) return ["not created"];
          const { apiTokens } = await must<{ apiTokens: Array<{ id: string; name: string }> }>("{ apiTokens { id name } }", {}, { token: B.token });
          const listed = apiTokens.find((token) => token.id === created.token.id)?.name;
          const problems = listed === value.trim() && created.token.name === value.trim() ? [] : [`read back ${JSON.stringify(listed)}`];
          await must(Q.revokeToken, { id: created.token.id }, { token: B.token }); // stay under the 25-active-token cap
          return problems;
        },
      });
    }
    // Sign-up name (1–80 characters, trimmed), read back through me with a session for that user.
    if (value.trim().length <= 80) {
      const email = `hostile-${randomBytes(4).toString("hex")}@probe.test`;
      await attempt("hostile", `sign-up name, ${what}`, () => gql(Q.signUp, { input: { email, password: "long-enough-1", name: value } }), {
        stored: true,
        verify: async (response) => {
          const user = response.json?.data?.signUp;
          if (!user) return ["not signed up"];
          const { me } = await must<{ me: { name: string | null; email: string } }>(
            "{ me { name email } }",
            {},
            { cookie: await cookieFor({ id: user.id, email }) },
          );
          return me.name === value.trim() && user.name === value.trim() ? [] : [`read back ${JSON.stringify(me.name)}`];
        },
      });
    }
    // OAuth profile name (from the provider, via the web server), with an ordinary avatar URL; the
    // hostile text as the avatar itself is refused (only https URLs are kept).
    const linkProfile = (name: string, image: string) =>
      gql(
        Q.link,
        {
          input: {
            provider: "github",
            providerAccountId: `h-${randomBytes(4).toString("hex")}`,
            email: `oauth-${randomBytes(4).toString("hex")}@probe.test`,
            name,
            image,
          },
        },
        { headers: { [INTERNAL_KEY_HEADER]: internalKey(secret) } },
      );
    await attempt("hostile", `OAuth avatar URL ${what}`, () => linkProfile("Probe", value), { refuse: ["BAD_USER_INPUT"] });
    await attempt("hostile", `OAuth profile name ${what}`, () => linkProfile(value, "https://avatars.probe.test/u/1.png"), {
      stored: true,
      verify: async (response) => {
        const user = response.json?.data?.linkOAuthAccount;
        if (!user) return [`not linked: ${response.text.slice(0, 200)}`];
        const row = (await stack.sql.query(`SELECT name, image FROM "user" WHERE id = $1`, [user.id])).rows[0];
        return user.name === value && row?.name === value ? [] : [`read back ${JSON.stringify(row)}`];
      },
    });
  }
  // Hostile emails: anything matching the email pattern is stored as typed (trimmed, lower-cased).
  for (const email of [
    `"<script>alert(1)</script>"@probe.test`,
    `x'--@probe.test`,
    `<img/src=x/onerror=alert(1)>@probe.test`,
    `o'reilly+javascript:alert(1)@probe.test`,
  ]) {
    await attempt("hostile", `sign-up email ${email}`, () => gql(Q.signUp, { input: { email: email.toUpperCase(), password: "long-enough-1", name: null } }), {
      stored: true,
      verify: async (response) => {
        const user = response.json?.data?.signUp;
        if (!user) return ["not signed up"];
        const { me } = await must<{ me: { email: string } }>("{ me { email } }", {}, { cookie: await cookieFor({ id: user.id, email: user.email }) });
        const signIn = await gql(Q.signIn, { input: { email, password: "long-enough-1" } });
        return me.email === email.toLowerCase() && signIn.json?.data?.signIn?.id === user.id
          ? []
          : [`read back ${JSON.stringify(me.email)}, sign-in ${signIn.text.slice(0, 80)}`];
      },
    });
  }
  // Where text is not free-form, hostile strings are refused with a clear code.
  for (const [what, value] of hostile.slice(0, 8)) {
    await attempt(
      "hostile",
      `preferences.languages, ${what}`,
      () => gql("mutation($l: [String!]) { updatePreferences(input: { languages: $l }) { languages } }", { l: [value] }, { token: B.token }),
      { refuse: ["BAD_USER_INPUT"] },
    );
  }
  for (const [what, value] of hostile) {
    await attempt(
      "hostile",
      `search query, ${what}`,
      () => gql("query($q: String!) { searchMedia(query: $q, first: 5) { edges { node { id title } } } }", { q: value }, { token: B.token }),
      {
        verify: (response) => (Array.isArray(response.json?.data?.searchMedia?.edges) ? [] : ["no result list"]),
      },
    );
  }
  await attempt(
    "hostile",
    "10,000-character hostile string as a token name",
    () => gql(Q.createToken, { input: { name: `<img src=x onerror=alert(1)>${"'; DROP TABLE x; --".repeat(530)}`.slice(0, 10_000) } }, { token: B.token }),
    { refuse: ["BAD_USER_INPUT"] },
  );
  await attempt(
    "hostile",
    "10,000-character hostile string as a sign-up name",
    () => gql(Q.signUp, { input: { email: `tenk-${randomBytes(3).toString("hex")}@probe.test`, password: "long-enough-1", name: "<script>".repeat(1_250) } }),
    { refuse: ["BAD_USER_INPUT"] },
  );
  const usersAfter = Number((await stack.sql.query(`SELECT count(*) FROM "user"`)).rows[0].count);
  const tokensAfter = Number((await stack.sql.query("SELECT count(*) FROM api_token")).rows[0].count);
  await attempt(
    "hostile",
    "tables intact after the SQL-like strings (user, api_token counts only grew)",
    async () => ({ status: 200, headers: {}, text: "" }),
    {
      verify: () =>
        usersAfter >= usersBefore && tokensAfter >= tokensBefore ? [] : [`user ${usersBefore} → ${usersAfter}, api_token ${tokensBefore} → ${tokensAfter}`],
    },
  );

  // Hostile TMDB text (the catalogue's hostile titles, in MediaCache) read back through the API.
  for (const spec of HOSTILE_TITLES) {
    const title = catalogue.titles(spec.mediaType).find((item) => titleName(item) === spec.title)!;
    await attempt(
      "hostile",
      `TMDB title/overview/tagline/cast of "${spec.searchWord}" via media()`,
      () =>
        gql(
          "query($type: MediaType!, $tmdbId: Int!) { media(type: $type, tmdbId: $tmdbId) { title originalTitle overview tagline cast { name } directors { name } } }",
          { type: toMediaType(spec.mediaType), tmdbId: title.id },
          { token: B.token },
        ),
      {
        stored: true,
        verify: (response) => {
          const media = response.json?.data?.media;
          const expected = {
            title: spec.title,
            originalTitle: spec.title,
            overview: spec.overview,
            tagline: spec.tagline,
            cast: spec.cast,
            directors: [spec.director],
          };
          const got = media && {
            title: media.title,
            originalTitle: media.originalTitle,
            overview: media.overview,
            tagline: media.tagline,
            cast: media.cast.map((person: { name: string }) => person.name),
            directors: media.directors.map((person: { name: string }) => person.name),
          };
          return JSON.stringify(got) === JSON.stringify(expected) ? [] : [`read back ${JSON.stringify(got).slice(0, 160)}`];
        },
      },
    );
    await attempt(
      "hostile",
      `TMDB hostile title found by searchMedia("${spec.searchWord}")`,
      () => gql("query($q: String!) { searchMedia(query: $q, first: 5) { edges { node { title } } } }", { q: spec.searchWord }, { token: B.token }),
      {
        stored: true,
        verify: (response) =>
          response.json?.data?.searchMedia?.edges?.[0]?.node?.title === spec.title
            ? []
            : [`first hit ${JSON.stringify(response.json?.data?.searchMedia?.edges?.[0])}`],
      },
    );
  }

  // Last: A's rows once more, and A's token and cookie still answer as A.
  guardUserId = undefined;
  await hardeningProbes({ prisma, secret, B, admin, newUser, cookieFor });

  const finalA = JSON.stringify(await rowsOf(A.id));
  await attempt("idor", "final: A's rows equal A's snapshot from before every attempt", async () => ({ status: 200, headers: {}, text: "" }), {
    verify: () => (finalA === guardBaseline ? [] : [`LEAK: ${diffHint(guardBaseline!, finalA)}`]),
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

  report(api.process.output());
}

/** Secrets the probe used: none may appear in the API's logs (counted in the report). */
const SECRETS: string[] = [];
const CANARY_PASSWORD = `canary-${randomBytes(6).toString("hex")}`;

type ProbeUser = { id: string; email: string; password: string; token: string; cookie: string };

/** What the outside probe of issue 12 found, each tried again as it was found (docs/security.md). */
async function hardeningProbes(input: {
  prisma: Awaited<ReturnType<typeof startStack>>["services"]["prisma"];
  secret: string;
  B: ProbeUser;
  admin: ProbeUser;
  newUser: (label: string) => Promise<ProbeUser>;
  cookieFor: (user: { id: string; email: string }) => Promise<string>;
}) {
  const { prisma, secret, B, admin } = input;
  const C = await input.newUser("brute");
  SECRETS.push(C.password, C.token, B.token, admin.token, CANARY_PASSWORD);
  // Sign-in brute force with a valid bearer token attached (it used to move the attempts into B's 600/min bucket).
  for (let attempt_ = 1; attempt_ <= 6; attempt_++)
    await attempt(
      "auth",
      `sign-in brute force on C with B's token attached: wrong password ${attempt_}`,
      () => gql(Q.signIn, { input: { email: C.email, password: `wrong-password-${attempt_}` } }, { token: B.token }),
      { refuse: ["UNAUTHENTICATED"] },
    );
  await attempt(
    "auth",
    "C's right password right after 6 wrong ones (token attached): must wait",
    () => gql(Q.signIn, { input: { email: C.email, password: C.password } }, { token: B.token }),
    {
      refuse: ["RATE_LIMITED"],
    },
  );
  await attempt(
    "auth",
    "an email no account has, after 6 wrong passwords: answers the same",
    () => gql(Q.signIn, { input: { email: `nobody-${C.email}`, password: "whatever-1" } }),
    {
      refuse: ["UNAUTHENTICATED"],
    },
  );
  // A session cookie after its sign-out (it used to work for 30 days, at the API and for minting tokens).
  const sid = await startWebSession({ prisma }, { userId: C.id });
  const signedOut = `next-auth.session-token=${await encode({ token: { sub: C.id, email: C.email, sid }, secret })}`;
  await endWebSession({ prisma }, { sessionId: sid });
  await attempt("auth", "a signed-out session cookie reads me", () => gql(Q.me, {}, { cookie: signedOut }), {
    verify: (response) => (response.json?.data?.me === null ? [] : ["LEAK: a signed-out cookie still identifies its user"]),
  });
  await attempt(
    "auth",
    "a signed-out session cookie mints an API token",
    () => gql(Q.createToken, { input: { name: "after sign-out" } }, { cookie: signedOut }),
    {
      refuse: ["UNAUTHENTICATED"],
    },
  );
  // Malformed cursors (an id shaped like a uuid but not one was an INTERNAL_SERVER_ERROR with a Prisma stack).
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const cursors: Array<[string, string]> = [
    ["an id of 36 'a's", b64({ createdAt: "2020-01-01T00:00:00Z", id: "a".repeat(36) })],
    ["a date Postgres cannot hold", b64({ createdAt: "+275760-09-13T00:00:00.000Z", id: randomUUID() })],
    ["an offset given as text", b64({ o: "1" })],
  ];
  for (const field of ["favourites", "watchlist"])
    for (const [name, after] of cursors)
      await attempt(
        "bodies",
        `${field}(after:) with a cursor holding ${name}`,
        () => gql(`query($after: String) { ${field}(after: $after) { edges { cursor } } }`, { after }, { token: B.token }),
        {
          refuse: ["BAD_USER_INPUT"],
        },
      );
  // The queue dashboard from another site with the admin's cookie (a CORS-simple POST added a job).
  await attempt(
    "auth",
    "cross-site POST to /admin/queues with the admin's cookie",
    () =>
      request("/admin/queues/api/queues/movierec-details-refresh/add", { method: "POST", headers: { cookie: admin.cookie, origin: "http://evil.example" } }),
    { refuse: ["HTTP 403"] },
  );
  await attempt(
    "auth",
    "/admin/queues with a form body (bull-board answered with a stack trace)",
    () =>
      request("/admin/queues/api/queues/movierec-details-refresh/add", {
        method: "POST",
        headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/x-www-form-urlencoded" },
        body: "a=b",
      }),
    {
      orAccept: "a form body is read as no options",
      refuse: ["HTTP 400", "HTTP 415", "HTTP 500"],
      verify: (response) => (/node_modules|\/work\/|\bat\s+\S+\s*\(/.test(response.text) ? ["a stack trace in the answer"] : []),
    },
  );
  // /readyz: which dependency is degraded, never an error text.
  await attempt("auth", "/readyz answers status per dependency only", () => request("/readyz"), {
    verify: (response) =>
      JSON.stringify(Object.keys(response.json ?? {}).sort()) === JSON.stringify(["postgres", "redis", "status", "tmdb"])
        ? []
        : [`/readyz says more: ${response.text.slice(0, 200)}`],
  });
  // A GET carrying signIn with a password: refused, and the password must not reach the logs (report).
  await attempt(
    "bodies",
    "GET /graphql carrying signIn with a canary password",
    () => request(`/graphql?query=${encodeURIComponent(`mutation { signIn(input: { email: "${C.email}", password: "${CANARY_PASSWORD}" }) { id } }`)}`),
    {
      refuse: ["HTTP 405", "BAD_REQUEST", "HTTP 400"],
    },
  );
}

function report(apiOutput: string) {
  const pad = (value: string, width: number) => (value.length > width ? `${value.slice(0, width - 1)}…` : value.padEnd(width));
  const lines = [
    `${pad("#", 4)} ${pad("category", 8)} ${pad("attempt", 78)} ${pad("HTTP", 4)} ${pad("code", 26)} outcome`,
    ...records.map(
      (row, index) =>
        `${pad(String(index + 1), 4)} ${pad(row.category, 8)} ${pad(row.description.replace(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/g, "·"), 78)} ${pad(String(row.status), 4)} ${pad(row.code, 26)} ${row.outcome}${row.note ? `  (${row.note.replace(/[\u0000-\u001f\u202a-\u202e]/g, "·").slice(0, 200)})` : ""}`,
    ),
  ];
  process.stdout.write(`\n${lines.join("\n")}\n\n`);

  const count = (predicate: (row: AttemptRecord) => boolean) => records.filter(predicate).length;
  const leaks = count((row) => row.outcome === "LEAK");
  const serverErrors = count((row) => row.outcome === "5xx");
  const unexpected = count((row) => row.outcome === "UNEXPECTED");
  const hostileStored = records.filter((row) => row.stored);
  const exact = hostileStored.filter((row) => row.outcome === "stored-exact").length;
  const loggedErrors = apiOutput.split("\n").filter((line) => /"level":(50|60)|\bERROR\b/.test(line)).length;
  const internalErrors = count((row) => row.code === "INTERNAL_SERVER_ERROR");
  const secretsLogged = apiOutput.split("\n").filter((line) => SECRETS.some((secret) => line.includes(secret))).length;
  const summary: SummaryRow[] = [
    ...CATEGORIES.map((category) => {
      const rows = records.filter((row) => row.category === category);
      const by = (outcome: Outcome) => rows.filter((row) => row.outcome === outcome).length;
      return {
        measure: `attempts: ${category}`,
        value: `${rows.length} (refused ${by("refused")}, accepted-scoped ${by("accepted-scoped")}, stored-exact ${by("stored-exact")}, leak ${by("LEAK")}, 5xx ${by("5xx")}, unexpected ${by("UNEXPECTED")})`,
      };
    }),
    { measure: "cross-user access (LEAK outcomes)", value: String(leaks), target: "0", met: leaks === 0 },
    { measure: "5xx (HTTP ≥ 500, INTERNAL_SERVER_ERROR, no answer)", value: String(serverErrors), target: "0", met: serverErrors === 0 },
    { measure: "unexpected outcomes (wrong code, accepted where refused was due)", value: String(unexpected), target: "0", met: unexpected === 0 },
    {
      measure: "hostile strings stored and read back unchanged",
      value: `${exact} / ${hostileStored.length}`,
      target: "all",
      met: exact === hostileStored.length,
    },
    { measure: "INTERNAL_SERVER_ERROR answers", value: String(internalErrors), target: "0", met: internalErrors === 0 },
    { measure: "log lines holding a secret the probe sent (passwords, tokens, a canary)", value: String(secretsLogged), target: "0", met: secretsLogged === 0 },
    { measure: "errors the API logged (level error/fatal)", value: String(loggedErrors) },
  ];
  for (const row of summary) log(`${row.measure}: ${row.value}${row.target ? ` (target ${row.target} ${row.met ? "✓" : "✗"})` : ""}`);
  writeResult("security-probe", {
    title: "Security probe: IDOR, auth, query bombs, bodies and hostile strings against the production build",
    summary,
    attempts: records,
    apiErrorLog: apiOutput
      .split("\n")
      .filter((line) => /"level":(50|60)/.test(line))
      .slice(0, 50),
  });
}

await main();
