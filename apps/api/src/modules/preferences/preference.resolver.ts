import "reflect-metadata";
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.ts";
import { requireUserId } from "../../graphql/context.ts";
import { Preferences, UpdatePreferencesInput } from "./preference.types.ts";
import { getPreferences, toPreferences, updatePreferences } from "./preference.service.ts";

@Resolver()
export class PreferenceResolver {
  @Authorized()
  @Query(() => Preferences)
  async preferences(@Ctx() ctx: GraphQLContext) {
    return toPreferences(await getPreferences(ctx.prisma, { userId: requireUserId(ctx) }));
  }

  @Authorized()
  @Mutation(() => Preferences, { description: "Changes only the fields given." })
  async updatePreferences(@Arg("input", () => UpdatePreferencesInput) input: UpdatePreferencesInput, @Ctx() ctx: GraphQLContext) {
    return toPreferences(await updatePreferences(ctx, { userId: requireUserId(ctx), changes: input }));
  }
}
