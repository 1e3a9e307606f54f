// A seeded client takes the cache's answers for a moment (ssrForceFetchDelay); a mutation, or the
// person's first key or pointer press, ends that moment, so a list refetched afterwards comes from
// the API, not from the cache (seed-window.ts).
import { ApolloClient, ApolloLink } from "@apollo/client";
import { Observable } from "rxjs";
import { expect, it } from "vitest";
import { createCache } from "./apollo-cache";
import { API_TOKENS_QUERY, CREATE_API_TOKEN } from "./graphql";
import { endSeedWindowOnInput, mutationsEndSeedWindow } from "./seed-window";

function token(id: string, name: string) {
  return {
    __typename: "ApiToken" as const,
    id,
    name,
    prefix: `mr_${id}`,
    createdAt: "2026-12-06T10:00:00.000Z",
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    scopes: ["READ" as const, "WRITE" as const],
  };
}

/** Stands in for the API: records each operation it is sent and answers from `tokens`. */
function api(tokens: ReturnType<typeof token>[]) {
  const asked: string[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        asked.push(operation.operationName ?? "?");
        if (operation.operationName === "CreateApiToken") {
          const created = token(String(tokens.length + 1), String(operation.variables.input.name));
          tokens.push(created);
          observer.next({ data: { createApiToken: { __typename: "CreatedApiToken", secret: "mr_secret", token: created } } });
        } else observer.next({ data: { apiTokens: [...tokens] } });
        observer.complete();
      }),
  );
  return { asked, link };
}

it("a mutation made while a seeded client still takes the cache's answers sends its refetches to the API", async () => {
  const server = api([token("1", "Home server")]);
  // The seed: the list as the server rendered the page.
  const cache = createCache();
  cache.writeQuery({ query: API_TOKENS_QUERY, data: { apiTokens: [token("1", "Home server")] } });
  const client = new ApolloClient({
    cache,
    link: ApolloLink.from([mutationsEndSeedWindow, server.link]),
    ssrForceFetchDelay: 60_000,
    defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network", nextFetchPolicy: "cache-first" } },
  });
  try {
    // The page's query (watched, as useQuery does) takes the seed, without asking.
    const watched = client.watchQuery({ query: API_TOKENS_QUERY });
    const names: string[][] = [];
    let subscription!: { unsubscribe: () => void };
    await new Promise<void>((resolve) => {
      subscription = watched.subscribe((result) => {
        names.push((result.data?.apiTokens ?? []).map((apiToken) => String(apiToken?.name)));
        resolve();
      });
    });
    expect(names).toEqual([["Home server"]]);
    expect(server.asked).toEqual([]);

    await client.mutate({ mutation: CREATE_API_TOKEN, variables: { input: { name: "Phone" } }, refetchQueries: [API_TOKENS_QUERY], awaitRefetchQueries: true });
    expect(server.asked).toEqual(["CreateApiToken", "ApiTokens"]);
    expect(names.at(-1)).toEqual(["Home server", "Phone"]);
    subscription.unsubscribe();
  } finally {
    client.stop();
  }
});

it("the person's first key or pointer press ends the moment (a list refetched after an upload comes from the API)", () => {
  for (const type of ["pointerdown", "keydown"]) {
    const client = new ApolloClient({ cache: createCache(), link: ApolloLink.empty(), ssrForceFetchDelay: 60_000 });
    const page = new EventTarget();
    endSeedWindowOnInput(client, page);
    expect(client.prioritizeCacheValues).toBe(true);
    page.dispatchEvent(new Event("scroll"));
    expect(client.prioritizeCacheValues).toBe(true);
    page.dispatchEvent(new Event(type));
    expect(client.prioritizeCacheValues, type).toBe(false);
    client.stop();
  }
});
