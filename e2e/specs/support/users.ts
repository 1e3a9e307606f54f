// Unique users per test, signed in through next-auth's own endpoints or the UI, and GraphQL calls
// made with the browser context's session cookie (through the web app's /graphql rewrite).
import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, type Page } from "@playwright/test";

export interface TestUser {
  email: string;
  password: string;
  name: string;
}

export function newUser(label: string): TestUser {
  const id = randomUUID().slice(0, 8);
  return { email: `${label}-${id}@e2e.movierec.test`, password: `pw-${id}-long-enough`, name: `E2E ${label} ${id}` };
}

/**
 * One retry when the request went out on a kept-alive connection the web server had just closed as
 * idle (ECONNRESET before any answer: the server's 5 s idle timeout racing the helper's next request
 * on the same socket). A browser retries such a request itself; Playwright's request context does not.
 */
export async function resetRetried<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
    return send();
  }
}

export async function graphql<T>(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await resetRetried(() => request.post("/graphql", { data: { query, variables } }));
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  expect(body.errors, `GraphQL errors for ${query.slice(0, 60)}`).toBeUndefined();
  return body.data as T;
}

/** Signs up over the API and signs in with next-auth's credentials endpoint: the page's context gets the session cookie. */
export async function signUpAndSignIn(page: Page, user: TestUser): Promise<void> {
  await graphql(page.request, "mutation($input: SignUpInput!) { signUp(input: $input) { id } }", { input: user });
  await signInAs(page, user);
}

/** Signs an existing user in with next-auth's credentials endpoint (a new session for the page's context). */
export async function signInAs(page: Page, user: TestUser): Promise<void> {
  const { csrfToken } = (await (await resetRetried(() => page.request.get("/api/auth/csrf"))).json()) as { csrfToken: string };
  const response = await resetRetried(() =>
    page.request.post("/api/auth/callback/credentials", { form: { csrfToken, email: user.email, password: user.password, json: "true" } }),
  );
  expect(response.ok()).toBe(true);
  const session = (await (await resetRetried(() => page.request.get("/api/auth/session"))).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(user.email);
}

export interface Title {
  id: string;
  type: "MOVIE" | "TV";
  tmdbId: number;
  title: string;
}

/** Popular films of a genre with titles that are unique among them, for searching by name. */
export async function titlesInGenre(request: APIRequestContext, genreId: number, count: number): Promise<Title[]> {
  const data = await graphql<{ browse: { edges: { node: Title }[] } }>(
    request,
    "query($genre: Int!) { browse(filter: { type: MOVIE, genreIds: [$genre] }, sort: POPULARITY, first: 30) { edges { node { id type tmdbId title } } } }",
    { genre: genreId },
  );
  const titles = data.browse.edges.map((edge) => edge.node);
  const unique = titles.filter((item) => titles.filter((other) => other.title === item.title).length === 1 && item.title.length >= 4);
  expect(unique.length).toBeGreaterThanOrEqual(count);
  return unique.slice(0, count);
}

export const CRIME = { id: 80, name: "Crime" };

/** Completes onboarding over the API: a liked genre and three loved titles. */
export async function onboardOverApi(page: Page): Promise<Title[]> {
  const loved = await titlesInGenre(page.request, CRIME.id, 3);
  for (const media of loved) {
    await graphql(page.request, "mutation($media: MediaRefInput!) { addFavourite(media: $media) { id } }", {
      media: { type: media.type, tmdbId: media.tmdbId },
    });
  }
  await graphql(page.request, "mutation { updatePreferences(input: { likedGenreIds: [80], onboarded: true }) { onboarded } }");
  return loved;
}

/**
 * The names of the GraphQL operations the page itself sends from now on (the pages whose server
 * seeds the browser's cache send none of their view's first queries: lib/cache-seed.ts).
 */
export function operationsAsked(page: Page): string[] {
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/graphql") asked.push(String(request.postDataJSON()?.operationName));
  });
  return asked;
}

/** Collects console errors and uncaught exceptions for the page's whole life. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    // (A failed load names its resource only in the message's location: kept, so a test can tell which.)
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}${message.location().url ? ` [${message.location().url}]` : ""}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}
