// Attack family (c), query bombs: depth, aliases, directives, tokens, cost, huge page sizes,
// fragment cycles and fan-out, introspection, batching, operation tricks, GET and CSRF, persisted
// queries, parse errors; each against the API's limits (API_LIMITS, graphql-armor).
import { API_LIMITS } from "../../../apps/api/src/graphql/apollo.ts";
import { attempt } from "./attempt.ts";
import type { ProbeContext } from "./context.ts";
import { gql, request } from "./http.ts";

/** Depth, aliases, directives, tokens and field repetition. */
async function bombsLimits(ctx: ProbeContext) {
  const { B, ref, popular } = ctx;
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
}

/** Cost, page sizes, fragment cycles and fragment fan-out. */
async function bombsCost(ctx: ProbeContext) {
  const { B, popular } = ctx;
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
}

async function bombsIntrospection() {
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
}

/** Batching, operation names, GET, CSRF, persisted queries and parse errors. */
async function bombsTransport(ctx: ProbeContext) {
  const { B } = ctx;
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
}

// ═══ (c) query bombs ═══
export async function probeBombs(ctx: ProbeContext) {
  await bombsLimits(ctx);
  await bombsCost(ctx);
  await bombsIntrospection();
  await bombsTransport(ctx);
}
