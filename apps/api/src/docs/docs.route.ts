// GET /docs: getting started and the reference of the public schema (render-reference.ts). The
// page is rendered once for the API's public address (the snippets name the server they run against),
// has no script, and is cached briefly by browsers.
import type { FastifyInstance } from "fastify";
import type { GraphQLSchema } from "graphql";
import { gettingStartedHtml } from "./getting-started.ts";
import { renderReference } from "./render-reference.ts";

export const DOCS_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * `publicUrl`: the API's address as apps reach it (http/public-url.ts), which the examples are
 * written with: the OAuth issuer they name is then the one the server's metadata says (an app's
 * discovery compares the two exactly). Not the request's Host header, which anyone can set.
 */
export async function registerDocs(
  app: FastifyInstance,
  options: { schema: GraphQLSchema; playgroundPath: string; webSettingsUrl?: string; publicUrl: () => string },
) {
  let page: { origin: string; html: string } | undefined;
  const pageNow = () => {
    const origin = options.publicUrl();
    if (page?.origin !== origin) {
      page = {
        origin,
        html: renderReference(options.schema, {
          title: "movierec API: getting started and reference",
          gettingStarted: gettingStartedHtml(origin, options.webSettingsUrl),
          playgroundPath: options.playgroundPath,
        }),
      };
    }
    return page.html;
  };
  app.get("/docs", async (_request, reply) =>
    reply
      .header("content-security-policy", DOCS_CSP)
      .header("x-content-type-options", "nosniff")
      .header("referrer-policy", "no-referrer")
      .header("cache-control", "public, max-age=300")
      .type("text/html; charset=utf-8")
      .send(pageNow()),
  );
}
