// Attack family (e), hostile strings: SQL-like, markup, javascript: URLs, bidi and long strings
// stored wherever a user can store text (API token names, sign-up name and email, OAuth profile)
// and read back byte-exact, refused where text is not free-form, searched for; and hostile TMDB text
// (the catalogue's hostile titles, in MediaCache) read back through the API.
import { randomBytes } from "node:crypto";
import { INTERNAL_KEY_HEADER, internalKey } from "../../../apps/api/src/modules/auth/oauth-account.service.ts";
import { toMediaType } from "../../../apps/api/src/media-kind.ts";
import { HOSTILE_TITLES, titleName } from "../../../packages/tmdb-catalogue/src/index.ts";
import { attempt } from "./attempt.ts";
import type { ProbeContext } from "./context.ts";
import { gql, must } from "./http.ts";
import { Q } from "./queries.ts";

/** Hostile strings (what, text): stored and read back, refused where text is not free-form, and searched for. */
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

async function storeAsTokenName(ctx: ProbeContext, what: string, value: string) {
  const { B } = ctx;
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
}

async function storeAsSignUpName(ctx: ProbeContext, what: string, value: string) {
  const { cookieFor } = ctx;
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
}

async function storeAsOAuthProfile(ctx: ProbeContext, what: string, value: string) {
  const { stack, secret } = ctx;
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

async function hostileEmails(ctx: ProbeContext) {
  const { cookieFor } = ctx;
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
}

async function hostileRefusedOrSearched(ctx: ProbeContext) {
  const { B } = ctx;
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
}

// ═══ (e) hostile strings: stored where a user can, read back byte-exact ═══
async function hostileStrings(ctx: ProbeContext) {
  const { stack } = ctx;
  const usersBefore = Number((await stack.sql.query(`SELECT count(*) FROM "user"`)).rows[0].count);
  const tokensBefore = Number((await stack.sql.query("SELECT count(*) FROM api_token")).rows[0].count);
  for (const [what, value] of hostile) {
    await storeAsTokenName(ctx, what, value);
    await storeAsSignUpName(ctx, what, value);
    await storeAsOAuthProfile(ctx, what, value);
  }
  await hostileEmails(ctx);
  await hostileRefusedOrSearched(ctx);
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
}

// Hostile TMDB text (the catalogue's hostile titles, in MediaCache) read back through the API.
async function hostileTmdbText(ctx: ProbeContext) {
  const { B, catalogue } = ctx;
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
}

export async function probeHostile(ctx: ProbeContext) {
  await hostileStrings(ctx);
  await hostileTmdbText(ctx);
}
