// The getting-started part of /docs: a token, then a first query in curl and in TypeScript. Its
// snippets are run by docs.int.test.ts (the curl command's request and the TypeScript function),
// so they keep working as written.
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
<h2 id="statuses">Statuses and errors</h2>
<p>With <code>accept: application/graphql-response+json</code>, an answer with data is 200. One without data has the status of its first error's code: <code>BAD_USER_INPUT</code> and validation errors 400, <code>UNAUTHENTICATED</code> 401, <code>FORBIDDEN</code> 403, <code>NOT_FOUND</code> 404, <code>RATE_LIMITED</code> 429 (with <code>Retry-After</code>), <code>SERVICE_UNAVAILABLE</code> 503. Clients that accept only <code>application/json</code> get 200 for every GraphQL answer. Read <code>errors[].extensions.code</code> either way.</p>`;
}
