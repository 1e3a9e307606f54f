import "reflect-metadata";
import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.ts";
import { unauthenticated } from "../../errors.ts";
import { deleteAccount } from "./account.service.ts";
import { toUser } from "../auth/auth.resolver.ts";
import { User } from "../auth/auth.types.ts";
import { changeEmail } from "./change-email.service.ts";
import { changePassword } from "./change-password.service.ts";

@InputType({ description: "The current password and the new one." })
export class ChangePasswordInput {
  @Field(() => String, { description: "The account's current password." })
  currentPassword!: string;

  @Field(() => String, { description: "The new password (8 to 200 characters)." })
  newPassword!: string;
}

@InputType({ description: "The new email address, and the password that proves it is the owner." })
export class ChangeEmailInput {
  @Field(() => String, { description: "The new email address, the one to sign in with from now on." })
  newEmail!: string;

  @Field(() => String, { description: "The account's password." })
  password!: string;
}

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
  @Mutation(() => Int, {
    description:
      "Changes the caller's password (from the web app only: FORBIDDEN with a token), confirmed by the current one. Every other web session of theirs ends; returns how many.",
  })
  async changePassword(
    @Arg("input", () => ChangePasswordInput, { description: "The current and the new password." }) input: ChangePasswordInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<number> {
    if (!ctx.viewer) throw unauthenticated();
    return changePassword(ctx, { viewer: ctx.viewer, currentPassword: input.currentPassword, newPassword: input.newPassword, clientIp: ctx.clientIp });
  }

  @Authorized()
  @Mutation(() => User, {
    description:
      "Changes the caller's email address, the one they sign in with (from the web app only: FORBIDDEN with a token), confirmed by their password. Sessions and tokens stay. BAD_USER_INPUT when another account has it; accounts that sign in with a provider have theirs from it.",
  })
  async changeEmail(
    @Arg("input", () => ChangeEmailInput, { description: "The new address and the password." }) input: ChangeEmailInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<User> {
    if (!ctx.viewer) throw unauthenticated();
    return toUser(await changeEmail(ctx, { viewer: ctx.viewer, newEmail: input.newEmail, password: input.password, clientIp: ctx.clientIp }));
  }

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
