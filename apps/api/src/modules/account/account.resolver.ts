import "reflect-metadata";
import { Arg, Authorized, Ctx, Field, InputType, Mutation, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.ts";
import { unauthenticated } from "../../errors.ts";
import { deleteAccount } from "./account.service.ts";

@InputType({ description: "What proves it is the person deleting their account." })
export class DeleteAccountInput {
  @Field(() => String, {
    nullable: true,
    description: "The account's password. Accounts without one confirm by having signed in again in the last 10 minutes.",
  })
  password?: string | null;
}

@Resolver()
export class AccountResolver {
  @Authorized()
  @Mutation(() => Boolean, {
    description:
      "Deletes the caller's account and everything of theirs (favourites, watchlist, ratings, dismissals, preferences, API tokens, sessions), at once and for good. Confirmed by the password, or for provider-only accounts by a sign-in in the last 10 minutes. FORBIDDEN when not confirmed.",
  })
  async deleteAccount(
    @Arg("input", () => DeleteAccountInput, { description: "The password (or a recent sign-in) that proves it is the owner." }) input: DeleteAccountInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    if (!ctx.viewer) throw unauthenticated();
    return deleteAccount(ctx, { viewer: ctx.viewer, password: input.password ?? null, clientIp: ctx.clientIp });
  }
}
