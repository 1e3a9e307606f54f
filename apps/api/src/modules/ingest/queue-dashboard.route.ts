// bull-board at /admin/queues: every queue's jobs, failures with their reasons, retries. Admins
// only, by session cookie or API token (the same check as the GraphQL API's admin operations).
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import type { FastifyInstance } from "fastify";
import type { AppServices } from "../../app-services.ts";
import { resolveViewer } from "../auth/viewer.ts";

export const QUEUE_DASHBOARD_PATH = "/admin/queues";

export async function registerQueueDashboard(app: FastifyInstance, services: AppServices): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: Object.values(services.queues).map((queue) => new BullMQAdapter(queue)), serverAdapter });
  await app.register(async (dashboard) => {
    dashboard.addHook("onRequest", async (request, reply) => {
      const viewer = await resolveViewer({
        prisma: services.prisma,
        authSecret: services.config.AUTH_SECRET,
        authorization: request.headers.authorization,
        cookie: request.headers.cookie,
      }).catch(() => null);
      if (!viewer)
        return reply.code(401).type("text/plain").send("Sign in as an admin (web session) or send an admin's API token as Authorization: Bearer <token>.");
      if (viewer.role !== "ADMIN") return reply.code(403).type("text/plain").send("The queue dashboard is for admins.");
    });
    await dashboard.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}
