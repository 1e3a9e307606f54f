import "reflect-metadata";
import { Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../../graphql/context.ts";
import { modelStatus } from "./item-model.store.ts";
import { requestTraining } from "./model.worker.ts";
import { ModelTrainingRequest, RecommendationModelStatus } from "./model.types.ts";
import { AdminOnly } from "../../../graphql/audiences.ts";

@Resolver()
export class ModelResolver {
  @Authorized("ADMIN")
  @AdminOnly()
  @Mutation(() => ModelTrainingRequest, { description: "Admin only: asks the worker to train the recommendation model now." })
  async trainRecommendationModel(@Ctx() ctx: GraphQLContext): Promise<ModelTrainingRequest> {
    return requestTraining(ctx.queues.model, { reason: "admin", requestedBy: ctx.viewer?.userId });
  }

  @Authorized("ADMIN")
  @AdminOnly()
  @Query(() => RecommendationModelStatus, {
    description: "Admin only: the live recommendation model (version, when trained, what it covers, how long it took) and the latest attempt.",
  })
  async recommendationModel(@Ctx() ctx: GraphQLContext): Promise<RecommendationModelStatus> {
    return modelStatus(ctx);
  }
}
