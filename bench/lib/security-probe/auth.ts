// Attack family (b), auth: revoked, expired, forged, malformed and deleted users' tokens and
// Authorization headers; garbled, expired, wrongly-keyed and orphaned session cookies; admin-only
// operations and /admin/queues as a normal user or anonymous; the internal-only linkOAuthAccount
// without or with a wrong key. (The hardening re-checks of issue 12 are in hardening.ts.)
import { randomBytes, randomUUID } from "node:crypto";
import { INTERNAL_KEY_HEADER, internalKey } from "../../../apps/api/src/modules/auth/oauth-account.service.ts";
import { attempt } from "./attempt.ts";
import type { ProbeContext } from "./context.ts";
import { gql, must, request } from "./http.ts";
import { Q } from "./queries.ts";

/** A query that needs a signed-in user: who answers, and that user's data. */
const meStrict = "{ me { id } favourites(first: 1) { edges { node { id } } } }";

async function authTokens(ctx: ProbeContext) {
  const { A, B, doomed, revoked, expired, scopedTo } = ctx;
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
}

async function authCookies(ctx: ProbeContext) {
  const { A, doomed, cookieFor, scopedTo } = ctx;
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
}

async function authAdminOperations(ctx: ProbeContext) {
  const { B, admin } = ctx;
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
    // Admin operations are not in the schema anyone else sees (apps/api/src/graphql/audiences.ts).
    const code = "GRAPHQL_VALIDATION_FAILED";
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
}

async function authQueueDashboard(ctx: ProbeContext) {
  const { B, admin, revoked } = ctx;
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
}

async function authLinkOAuthAccount(ctx: ProbeContext) {
  const { B, secret } = ctx;
  const linkInput = {
    input: { provider: "github", providerAccountId: "424242", email: `oauth-${randomBytes(3).toString("hex")}@probe.test`, name: "OAuth person" },
  };
  await attempt("auth", "linkOAuthAccount without the internal key", () => gql(Q.link, linkInput, {}), { refuse: ["GRAPHQL_VALIDATION_FAILED"] });
  await attempt("auth", "linkOAuthAccount as a signed-in user (B)", () => gql(Q.link, linkInput, { token: B.token }), {
    refuse: ["GRAPHQL_VALIDATION_FAILED"],
  });
  await attempt(
    "auth",
    "linkOAuthAccount with a wrong key",
    () => gql(Q.link, linkInput, { headers: { [INTERNAL_KEY_HEADER]: randomBytes(32).toString("hex") } }),
    { refuse: ["GRAPHQL_VALIDATION_FAILED"] },
  );
  await attempt(
    "auth",
    "linkOAuthAccount with a key from another secret",
    () => gql(Q.link, linkInput, { headers: { [INTERNAL_KEY_HEADER]: internalKey("some-other-secret-0123456789") } }),
    { refuse: ["GRAPHQL_VALIDATION_FAILED"] },
  );
  await attempt("auth", "linkOAuthAccount with AUTH_SECRET itself as the key", () => gql(Q.link, linkInput, { headers: { [INTERNAL_KEY_HEADER]: secret } }), {
    refuse: ["GRAPHQL_VALIDATION_FAILED"],
  });
  await attempt(
    "auth",
    "linkOAuthAccount with the key's first half",
    () => gql(Q.link, linkInput, { headers: { [INTERNAL_KEY_HEADER]: internalKey(secret).slice(0, 32) } }),
    { refuse: ["GRAPHQL_VALIDATION_FAILED"] },
  );
  await attempt(
    "auth",
    "linkOAuthAccount with the right key (control: the web server)",
    () => gql(Q.link, linkInput, { headers: { [INTERNAL_KEY_HEADER]: internalKey(secret) } }),
    {
      verify: (response) => (response.json?.data?.linkOAuthAccount?.email === linkInput.input.email ? [] : ["the web server could not link"]),
    },
  );
}

async function authRevokedOwnToken(ctx: ProbeContext) {
  const { B } = ctx;
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
}

// ═══ (b) auth ═══
export async function probeAuth(ctx: ProbeContext) {
  await authTokens(ctx);
  await authCookies(ctx);
  await authAdminOperations(ctx);
  await authQueueDashboard(ctx);
  await authLinkOAuthAccount(ctx);
  await authRevokedOwnToken(ctx);
}
