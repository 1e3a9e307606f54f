// The hardening re-checks: what the outside probe of issue 12 found, each tried again as it was
// found (docs/security.md): sign-in brute force with a token attached, a signed-out session
// cookie, malformed list cursors, the queue dashboard cross-site and with a form body, /readyz, and
// a password sent over GET (which must not reach the logs: the report counts secrets in them).
import { randomBytes, randomUUID } from "node:crypto";
import { encode } from "../../../apps/api/node_modules/next-auth/jwt/index.js";
import { CallerCache } from "../../../apps/api/src/modules/auth/caller-cache.ts";
import { endWebSession, startWebSession } from "../../../apps/api/src/modules/auth/web-session.service.ts";
import { attempt } from "./attempt.ts";
import type { ProbeContext, ProbeUser } from "./context.ts";
import { gql, request } from "./http.ts";
import { Q } from "./queries.ts";
import { SECRETS } from "./report.ts";

const CANARY_PASSWORD = `canary-${randomBytes(6).toString("hex")}`;

async function hardeningBruteForce(B: ProbeUser, C: ProbeUser) {
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
}

async function hardeningSignedOutCookie(ctx: ProbeContext, C: ProbeUser) {
  const { prisma, secret } = ctx;
  // A session cookie after its sign-out (it used to work for 30 days, at the API and for minting tokens).
  const sid = await startWebSession({ prisma }, { userId: C.id });
  const signedOut = `next-auth.session-token=${await encode({ token: { sub: C.id, email: C.email, sid }, secret })}`;
  // Ended before the cookie is ever used, so no API process has it cached: nothing to announce.
  await endWebSession({ prisma, callers: new CallerCache({ ttlMs: 0, channel: "unused" }) }, { sessionId: sid });
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
}

async function hardeningCursors(B: ProbeUser) {
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
}

async function hardeningDashboardAndLeaks(admin: ProbeUser, C: ProbeUser) {
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

/** What the outside probe of issue 12 found, each tried again as it was found (docs/security.md). */
export async function hardeningProbes(ctx: ProbeContext) {
  const { B, admin } = ctx;
  const C = await ctx.newUser("brute");
  SECRETS.push(C.password, C.token, B.token, admin.token, CANARY_PASSWORD);
  await hardeningBruteForce(B, C);
  await hardeningSignedOutCookie(ctx, C);
  await hardeningCursors(B);
  await hardeningDashboardAndLeaks(admin, C);
}
