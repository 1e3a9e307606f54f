// GraphQL from the Next.js server (next-auth's authorize, the landing page, the first rows of the
// title and home pages) straight to the API,
// with the typed documents of lib/server-operations.graphql: the document carries both its result
// and its variables' types, so wrong variables do not compile.
import { createHash } from "node:crypto";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { serverEnv } from "./env";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Proves to the API that a call comes from this server: a key derived from the shared AUTH_SECRET
 * (the API's side: isInternalCaller in modules/auth/oauth-account.service.ts; a test holds the two together).
 */
export function internalKeyHeader(secret: string | undefined): Record<string, string> {
  if (!secret) throw new Error("AUTH_SECRET is not set: the web app shares it with the API (npm start sets it).");
  return { "x-movierec-internal-key": createHash("sha256").update(`movierec-internal:${secret}`).digest("hex") };
}

export async function serverGraphql<Data, Variables>(options: {
  document: TypedDocumentNode<Data, Variables>;
  variables?: Variables;
  internal?: boolean;
  forwardedFor?: string;
  /** The interface's language: the API answers titles, overviews and genre names in it. */
  locale?: string;
  /** The visitor's own cookies (their session): the API answers as them. */
  cookie?: string;
}): Promise<Data> {
  const apiUrl = serverEnv().API_URL;
  if (!apiUrl) throw new Error("API_URL is not set: the web app needs the API's URL (npm start sets it).");
  const response = await fetch(`${apiUrl}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.internal ? internalKeyHeader(serverEnv().AUTH_SECRET) : {}),
      // The browser's address, for the API's per-IP limits (believed when the API's TRUST_PROXY names this server).
      ...(options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {}),
      ...(options.locale ? { "accept-language": options.locale } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    body: JSON.stringify({ query: print(options.document), variables: options.variables }),
    cache: "no-store",
  });
  const body = (await response.json()) as { data?: Data; errors?: { message: string; extensions?: { code?: string } }[] };
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code);
  if (!body.data) throw new ApiError(`The API answered ${response.status} without data`, undefined);
  return body.data;
}
