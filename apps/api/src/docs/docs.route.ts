// GET /docs: getting started and the reference of the public schema (render-reference.ts). The
// page is rendered once per origin it is asked on (the snippets name the server they run against),
// has no script, and is cached briefly by browsers.
import type { FastifyInstance, FastifyRequest } from "fastify";
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

/** Pages kept, one per origin the docs were asked on (a handful in practice: localhost, the public name). */
const MAX_ORIGINS = 8;

export async function registerDocs(app: FastifyInstance, options: { schema: GraphQLSchema; playgroundPath: string; webSettingsUrl?: string }) {
  const pages = new Map<string, string>();
  const pageFor = (request: FastifyRequest) => {
    const origin = `${request.protocol}://${request.host}`;
    let page = pages.get(origin);
    if (!page) {
      page = renderReference(options.schema, {
        title: "movierec API: getting started and reference",
        gettingStarted: gettingStartedHtml(origin, options.webSettingsUrl),
        playgroundPath: options.playgroundPath,
      });
      if (pages.size >= MAX_ORIGINS) pages.delete(pages.keys().next().value!);
      pages.set(origin, page);
    }
    return page;
  };
  app.get("/docs", async (request, reply) =>
    reply
      .header("content-security-policy", DOCS_CSP)
      .header("x-content-type-options", "nosniff")
      .header("referrer-policy", "no-referrer")
      .header("cache-control", "public, max-age=300")
      .type("text/html; charset=utf-8")
      .send(pageFor(request)),
  );
}
