import "reflect-metadata";
import { Arg, Authorized, Ctx, Mutation, Query, Resolver, UseMiddleware } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.ts";
import { requireUserId } from "../../graphql/context.ts";
import { Preferences, UpdatePreferencesInput } from "./preference.types.ts";
import { getPreferences, toPreferences, updatePreferences } from "./preference.service.ts";
import { ChangesTaste } from "../recommendations/recommendation.cache.ts";

@Resolver()
export class PreferenceResolver {
  @Authorized()
  @Query(() => Preferences, { description: "The caller's preferences (defaults until they set any)." })
  async preferences(@Ctx() ctx: GraphQLContext) {
    return toPreferences(await getPreferences(ctx, { userId: requireUserId(ctx) }));
  }

  @Authorized()
  @Mutation(() => Preferences, { description: "Changes only the fields given." })
  @UseMiddleware(ChangesTaste)
  async updatePreferences(
    @Arg("input", () => UpdatePreferencesInput, { description: "The preferences to change; fields left out stay as they are." }) input: UpdatePreferencesInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toPreferences(await updatePreferences(ctx, { userId: requireUserId(ctx), changes: input }));
  }
}
