// The getting-started part of /docs: a token, then a first query in curl and in TypeScript, then
// OAuth for apps other people use. docs.int.test.ts runs the curl request, the TypeScript function
// and the device flow's curl commands, so they keep working as written; the OAuth TypeScript is
// @movierec/client's createMovierecOAuth as oauth.int.test.ts drives it.
import { escapeHtml } from "./render-reference.ts";

/** The first query of the page: the caller, and a search of the catalogue. */
export const FIRST_QUERY = `query FirstQuery {
  me { email }
  searchMedia(query: "dark", first: 3) {
    edges { node { id title year } }
  }
}`;

/** The TypeScript example, as shown (it uses only fetch, built into Node 18+ and browsers). */
export const TYPESCRIPT_EXAMPLE = `const API = "API_ORIGIN/graphql";

export async function graphql<Data>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await fetch(API, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json;q=0.9",
      authorization: \`Bearer \${token}\`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Data; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length) throw new Error(\`\${body.errors[0]!.extensions?.code}: \${body.errors[0]!.message}\`);
  return body.data!;
}

const data = await graphql<{ me: { email: string } }>(process.env.MOVIEREC_TOKEN!, "{ me { email } }");
console.log(data.me.email);`;

/** The curl example, as shown. */
export function curlExample(origin: string): string {
  const body = JSON.stringify({ query: FIRST_QUERY.replace(/\s+/g, " ") });
  return `curl ${origin}/graphql \\
  -H "authorization: Bearer $MOVIEREC_TOKEN" \\
  -H "content-type: application/json" \\
  -H "accept: application/graphql-response+json" \\
  -d '${body}'`;
}

/** The device flow (for a CLI or a TV) in curl, as shown: ask for a code, then poll for the tokens. */
export function deviceFlowCurl(origin: string): { start: string; poll: string } {
  return {
    start: `curl -s ${origin}/oauth/device/auth -d client_id="$CLIENT_ID" -d scope="read write"`,
    poll: `curl -s ${origin}/oauth/token -d grant_type=urn:ietf:params:oauth:grant-type:device_code -d client_id="$CLIENT_ID" -d device_code="$DEVICE_CODE"`,
  };
}

/** An app with a redirect URI, on @movierec/client (packages/client), as shown. */
export const OAUTH_TYPESCRIPT_EXAMPLE = `import { createMovierecClient, createMovierecOAuth, MeDocument } from "@movierec/client";

const oauth = createMovierecOAuth({ issuer: "API_ORIGIN/oauth", clientId: process.env.CLIENT_ID! });

// 1. Send the person to movierec (keep codeVerifier and state, e.g. in their session).
const { url, codeVerifier, state } = await oauth.startAuthorization({ redirectUri: "https://your.app/callback", scopes: ["read"] });

// 2. movierec sends them back to https://your.app/callback?code=…&state=…
const tokens = await oauth.finishAuthorization({ callbackUrl, redirectUri: "https://your.app/callback", codeVerifier, state });

// 3. Call the API as them; the access token is refreshed before it expires.
const movierec = createMovierecClient({ url: "API_ORIGIN/graphql", token: oauth.keepFresh(tokens, saveTokens) });
const { me } = await movierec.request(MeDocument);`;

export function gettingStartedHtml(origin: string, settingsUrl: string | undefined): string {
  const settings = settingsUrl ? `<a href="${escapeHtml(settingsUrl)}">Settings → API tokens</a>` : "Settings → API tokens";
  return `<h1>Getting started</h1>
<p>movierec's GraphQL API serves the catalogue (titles, search, browse, genres, where to watch) to anyone, and a person's favourites, watchlist, ratings and recommendations to apps they give a token to. Everything below runs against this server, <code>${escapeHtml(origin)}</code>.</p>
<h2 id="get-a-token">1. Get a token</h2>
<p>Sign in to the web app and create a personal API token in ${settings}. Its secret (<code>mr_…</code>) is shown once. Keep it like a password, and revoke it there when the app no longer needs it. Send it with every request as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
<h2 id="first-query">2. A first query with curl</h2>
<pre><code>export MOVIEREC_TOKEN=mr_…
${escapeHtml(curlExample(origin))}</code></pre>
<p>The answer has <code>data</code>, and <code>errors</code> when something went wrong. Each error has a code in <code>extensions.code</code>, and the HTTP status follows it (see below). Public data (search, browse, titles, genres) needs no token, and a GET of it can be cached.</p>
<h2 id="typescript">3. The same from TypeScript</h2>
<pre><code>${escapeHtml(TYPESCRIPT_EXAMPLE.replace("API_ORIGIN", origin))}</code></pre>
<h2 id="next">4. What next</h2>
<ul>
<li>Mark a title: <code>mutation { addFavourite(media: { id: "movie:11" }) { id title isFavourite } }</code>. Every title's <code>id</code> is accepted wherever a title is asked for, as is <code>{ type, tmdbId }</code>.</li>
<li>Recommendations: <code>{ recommendations(first: 10) { edges { node { score reasons { text refersTo } media { id title } } } } }</code>. Each reason's <code>refersTo</code> is an id that <code>node(id:)</code> resolves.</li>
<li>Paging: lists take <code>first</code> (1–50) and <code>after</code> (the previous page's <code>pageInfo.endCursor</code>). Cursors are opaque.</li>
<li>Limits: 600 requests a minute per person (<code>RateLimit-Remaining</code> on every answer) and a cost per query (<code>extensions.cost</code>).</li>
<li>Try it interactively in the <a href="/playground">playground</a>.</li>
</ul>
<h2 id="oauth">5. An app for other people: OAuth 2.0</h2>
<p>A personal token is for your own tools. An app that other people sign in to gets a token per person, with their consent:</p>
<ol>
<li>Register the app in ${settingsUrl ? `<a href="${escapeHtml(settingsUrl)}">Settings → Apps you build</a>` : "Settings → Apps you build"}: its name and redirect URIs (https; <code>http://127.0.0.1</code> for an app on the person's machine; or a reverse-domain scheme such as <code>com.example.app:/callback</code>). You get a <code>client_id</code>. Apps have no secret: every authorization uses PKCE (S256).</li>
<li>Scopes: <code>read</code> (the person's lists, preferences and recommendations) and <code>write</code> (change them). A <code>read</code> token is refused every mutation (403, <code>insufficient_scope</code>).</li>
<li>Access tokens last an hour; refresh tokens 30 days, and each works once (the answer carries the next). The person can revoke the app in Settings at any time (401 from then on).</li>
<li>The server's metadata (RFC 8414) is at <code>${escapeHtml(origin)}/.well-known/oauth-authorization-server/oauth</code>; its issuer is <code>${escapeHtml(origin)}/oauth</code>.</li>
</ol>
<h3 id="oauth-web">With a redirect URI (web, mobile, desktop): the authorization code flow</h3>
<p><code>@movierec/client</code> is not published to npm: it is <code>packages/client</code> in movierec's repository, a small SDK over <a href="https://github.com/panva/oauth4webapi">oauth4webapi</a> and types generated from the schema. Copy it into your project, or do the same with any OAuth 2.0 library that supports PKCE, against the metadata above.</p>
<pre><code>${escapeHtml(OAUTH_TYPESCRIPT_EXAMPLE.replaceAll("API_ORIGIN", origin))}</code></pre>
<h3 id="oauth-device">Without a browser (CLI, TV): the device flow</h3>
<pre><code>${escapeHtml(deviceFlowCurl(origin).start)}
# → {"device_code": "…", "user_code": "BCDF-GHJK", "verification_uri": "…", "verification_uri_complete": "…", "expires_in": 600}
# Show the person user_code and verification_uri (they allow the app there), then every 5 s (RFC 8628's default):
export DEVICE_CODE=…
${escapeHtml(deviceFlowCurl(origin).poll)}
# → {"error": "authorization_pending"} until they allow it, then {"access_token": "…", "refresh_token": "…", …}</code></pre>
<h2 id="statuses">Statuses and errors</h2>
<p>With <code>accept: application/graphql-response+json</code>, an answer with data is 200. One without data has the status of its first error's code: <code>BAD_USER_INPUT</code> and validation errors 400, <code>UNAUTHENTICATED</code> 401, <code>FORBIDDEN</code> 403, <code>NOT_FOUND</code> 404, <code>RATE_LIMITED</code> 429, <code>TMDB_UNAVAILABLE</code> and <code>SERVICE_UNAVAILABLE</code> 503 (each with <code>Retry-After</code>). Clients that accept only <code>application/json</code> get 200 for every GraphQL answer, except refusals before GraphQL runs: an invalid token 401, the rate limit 429, the database unreachable 503, a body too large 413, a content type or charset other than JSON in UTF-8 415. Read <code>errors[].extensions.code</code> either way.</p>`;
}
