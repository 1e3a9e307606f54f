// Attack family (d), bodies: oversized, malformed and wrongly typed bodies, content types, huge or
// odd variables, NUL bytes and invalid UTF-8 wherever input goes, wrong variable types and
// extremely long strings.
import { randomBytes } from "node:crypto";
import { API_LIMITS } from "../../../apps/api/src/graphql/apollo.ts";
import { attempt } from "./attempt.ts";
import type { ProbeContext, ProbeUser } from "./context.ts";
import { gql, must, request } from "./http.ts";
import { mediaMutation, Q } from "./queries.ts";

/** A raw body POSTed to /graphql as JSON, as B. */
const jsonAs =
  (B: ProbeUser) =>
  (body: string | Buffer, headers: Record<string, string> = {}) =>
    request("/graphql", { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${B.token}`, ...headers }, body });

async function bodiesMalformed(ctx: ProbeContext) {
  const json = jsonAs(ctx.B);
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
}

async function bodiesContentTypes(ctx: ProbeContext) {
  const { B } = ctx;
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
}

async function bodiesHugeVariables(ctx: ProbeContext) {
  const { B } = ctx;
  const json = jsonAs(B);
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
}

async function bodiesNulBytes(ctx: ProbeContext) {
  const { A, B, a2 } = ctx;
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
}

async function bodiesBadEncodings(ctx: ProbeContext) {
  const { B } = ctx;
  const json = jsonAs(B);
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
}

async function bodiesWrongVariables(ctx: ProbeContext) {
  const { B, ref } = ctx;
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
}

async function bodiesLongStrings(ctx: ProbeContext) {
  const { A, B } = ctx;
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
}

// ═══ (d) bodies ═══
export async function probeBodies(ctx: ProbeContext) {
  await bodiesMalformed(ctx);
  await bodiesContentTypes(ctx);
  await bodiesHugeVariables(ctx);
  await bodiesNulBytes(ctx);
  await bodiesBadEncodings(ctx);
  await bodiesWrongVariables(ctx);
  await bodiesLongStrings(ctx);
}
