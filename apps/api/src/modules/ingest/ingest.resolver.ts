import { Authorized, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.ts";
import { requestIngestRun } from "./ingest-queue.ts";

@ObjectType()
export class IngestRunRequest {
  @Field(() => String)
  jobId!: string;

  @Field(() => Boolean, { description: "True when a requested run was already waiting; nothing new was queued." })
  alreadyQueued!: boolean;
}

@Resolver()
export class IngestResolver {
  @Authorized("ADMIN")
  @Mutation(() => IngestRunRequest, { description: "Admin only: asks the worker to page TMDB into the media cache now." })
  async refreshMediaCache(@Ctx() ctx: GraphQLContext): Promise<IngestRunRequest> {
    return requestIngestRun(ctx.queues.ingest, { reason: "admin", requestedBy: ctx.viewer?.userId });
  }
}
