import "reflect-metadata";
import { Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.ts";
import { TMDB_MAX_PAGE } from "../../tmdb/index.ts";
import { requestIngestRun } from "./ingest-queue.ts";
import { ingestStatus } from "./ingest-status.ts";
import { IngestRunRequest, IngestStatus } from "./ingest.types.ts";
import { AdminOnly } from "../../graphql/audiences.ts";

@Resolver()
export class IngestResolver {
  @Authorized("ADMIN")
  @AdminOnly()
  @Mutation(() => IngestRunRequest, { description: "Admin only: asks the worker to page TMDB into the media cache now." })
  async refreshMediaCache(@Ctx() ctx: GraphQLContext): Promise<IngestRunRequest> {
    return requestIngestRun(ctx.queues.ingest, { reason: "admin", requestedBy: ctx.viewer?.userId });
  }

  @Authorized("ADMIN")
  @AdminOnly()
  @Query(() => IngestStatus, { description: "Admin only: each TMDB list's cursor and each queue's jobs, with recent failures." })
  async ingestStatus(@Ctx() ctx: GraphQLContext): Promise<IngestStatus> {
    const status = await ingestStatus({ prisma: ctx.prisma, queues: ctx.queues });
    return {
      cursors: status.cursors.map((cursor) => ({ ...cursor, lastPage: cursor.totalPages === null ? null : Math.min(cursor.totalPages, TMDB_MAX_PAGE) })),
      queues: status.queues.map((queue) => ({
        name: queue.name,
        waiting: (queue.counts.waiting ?? 0) + (queue.counts.prioritized ?? 0),
        active: queue.counts.active ?? 0,
        delayed: queue.counts.delayed ?? 0,
        failed: queue.counts.failed ?? 0,
        completed: queue.counts.completed ?? 0,
        recentFailures: queue.recentFailures,
      })),
    };
  }
}
