// bull-board at /admin/queues: every queue's jobs, failures with their reasons, retries. Admins
// only, by session cookie or API token (the same check as the GraphQL API's admin operations).
// A cookie travels with cross-site requests, so a state change (retry, add, clean, pause…) made
// with one must come from a page of this origin (crossSiteRefusal); and error answers never carry
// bull-board's stack traces (its handler adds them in development).
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppServices } from "../../app-services.ts";
import { resolveViewer } from "../auth/viewer.ts";

export const QUEUE_DASHBOARD_PATH = "/admin/queues";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a state-changing request authenticated by cookie is refused as cross-site, or undefined.
 * Browsers send Sec-Fetch-Site and Origin with every POST/PUT/DELETE; a request with an
 * Authorization header is not a browser's ambient credential and needs neither.
 */
export function crossSiteRefusal(request: Pick<FastifyRequest, "method" | "headers">): string | undefined {
  if (SAFE_METHODS.has(request.method) || request.headers.authorization) return undefined;
  const site = request.headers["sec-fetch-site"];
  if (typeof site === "string" && site !== "same-origin" && site !== "none") return `a ${site} request`;
  const origin = request.headers.origin;
  if (origin === undefined) return undefined;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  return host !== undefined && host === request.headers.host ? undefined : `a request from ${JSON.stringify(origin).slice(0, 100)}`;
}

export async function registerQueueDashboard(app: FastifyInstance, services: AppServices): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: Object.values(services.queues).map((queue) => new BullMQAdapter(queue)), serverAdapter });
  await app.register(async (dashboard) => {
    dashboard.addHook("onRequest", async (request, reply) => {
      const crossSite = crossSiteRefusal(request);
      if (crossSite)
        return reply
          .code(403)
          .type("text/plain")
          .send(`Refused ${crossSite}: the queue dashboard changes state only from its own pages, or with an admin's API token (Authorization: Bearer).`);
      const viewer = await resolveViewer({
        prisma: services.prisma,
        callers: services.callers,
        authSecret: services.config.AUTH_SECRET,
        authorization: request.headers.authorization,
        cookie: request.headers.cookie,
      }).catch(() => null);
      if (!viewer)
        return reply.code(401).type("text/plain").send("Sign in as an admin (web session) or send an admin's API token as Authorization: Bearer <token>.");
      if (viewer.role !== "ADMIN") return reply.code(403).type("text/plain").send("The queue dashboard is for admins.");
      // Pausing, emptying or retrying queues changes state: not with a read-only token.
      if (request.method !== "GET" && request.method !== "HEAD" && !viewer.scopes.includes("write"))
        return reply
          .code(403)
          .header("www-authenticate", 'Bearer realm="movierec", error="insufficient_scope", scope="write"')
          .type("text/plain")
          .send("This token may only read (its scopes are READ): the queue dashboard's actions need a token with the WRITE scope.");
    });
    dashboard.addHook("onSend", async (request, reply, payload) => {
      if (reply.statusCode < 400 || typeof payload !== "string" || !String(reply.getHeader("content-type")).includes("json")) return payload;
      let body: unknown;
      try {
        body = JSON.parse(payload);
      } catch {
        return payload;
      }
      if (!body || typeof body !== "object" || !("details" in body)) return payload;
      request.log.warn({ details: String((body as { details: unknown }).details).slice(0, 2_000) }, "queue dashboard error (details kept out of the answer)");
      const { details: _details, ...rest } = body as Record<string, unknown>;
      return JSON.stringify(rest);
    });
    await dashboard.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}
