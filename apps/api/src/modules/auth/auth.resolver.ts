import "reflect-metadata";
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.ts";
import { requireOwnCredential, requireUserId } from "../../graphql/context.ts";
import { badInput, forbidden } from "../../errors.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-token.service.ts";
import { ApiToken, CreateApiTokenInput, CreatedApiToken, LinkOAuthAccountInput, SignInInput, SignUpInput, TokenScope, User, UserRole } from "./auth.types.ts";
import { linkOAuthAccount } from "./oauth-account.service.ts";
import { signIn, signUp } from "./password.service.ts";
import { getUser } from "./user.service.ts";
import { WebServerOnly } from "../../graphql/audiences.ts";

export const toUser = (user: { id: string; email: string; name: string | null; role: string; createdAt: Date; passwordHash: string | null }): User => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role === "ADMIN" ? UserRole.ADMIN : UserRole.USER,
  createdAt: user.createdAt,
  hasPassword: user.passwordHash !== null,
});

const DAY_MS = 24 * 60 * 60 * 1000;

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: "The caller, or null when anonymous." })
  async me(@Ctx() ctx: GraphQLContext): Promise<User | null> {
    return ctx.viewer ? toUser(await getUser(ctx, { userId: ctx.viewer.userId })) : null;
  }

  @Mutation(() => User, {
    description: "Creates an email + password account. The web app then signs in with next-auth. Shares the per-address limit of signIn.",
  })
  async signUp(
    @Arg("input", () => SignUpInput, { description: "The new account's email, password and name." }) input: SignUpInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<User> {
    return toUser(await signUp(ctx, { email: input.email, password: input.password, name: input.name, clientIp: ctx.clientIp }));
  }

  @Mutation(() => User, {
    description:
      "Checks an email and password (used by the web app's sign-in). Limited per address, and per email after 5 wrong passwords in a row (each further attempt waits twice as long, up to 15 minutes): RATE_LIMITED with retryAfterSeconds.",
  })
  async signIn(
    @Arg("input", () => SignInInput, { description: "The email and password to check." }) input: SignInInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<User> {
    return toUser(await signIn(ctx, { email: input.email, password: input.password, clientIp: ctx.clientIp }));
  }

  @WebServerOnly()
  @Mutation(() => User, { description: "For the web server only (OAuth sign-in): the user linked to a provider account, created on first use." })
  async linkOAuthAccount(
    @Arg("input", () => LinkOAuthAccountInput, { description: "The provider account." }) input: LinkOAuthAccountInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<User> {
    if (!ctx.internal) throw forbidden("Only the movierec web server may link OAuth accounts.");
    return toUser(
      await linkOAuthAccount(ctx, {
        provider: input.provider,
        providerAccountId: input.providerAccountId,
        email: input.email ?? null,
        name: input.name ?? null,
        image: input.image ?? null,
      }),
    );
  }

  @Authorized()
  @Query(() => [ApiToken], { description: "The caller's API tokens, active first." })
  async apiTokens(@Ctx() ctx: GraphQLContext): Promise<ApiToken[]> {
    return listApiTokens(ctx, { userId: requireUserId(ctx) });
  }

  @Authorized()
  @Mutation(() => CreatedApiToken, {
    description:
      "Creates a personal API token. The secret is in this answer only. A token made with an expiring API token expires no later than it (token.expiresAt says when).",
  })
  async createApiToken(
    @Arg("input", () => CreateApiTokenInput, { description: "Its name and lifetime." }) input: CreateApiTokenInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreatedApiToken> {
    const userId = requireOwnCredential(ctx, "create API tokens");
    const name = input.name.trim();
    if (!name) throw badInput('Invalid input: name must not be blank; say what the token is for, e.g. "Home server".', { argument: "name" });
    const asked = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null;
    // A token made with a token lives no longer than its maker, so a leaked token that expires cannot
    // buy itself a successor that does not.
    const maker = ctx.viewer?.via === "api-token" ? ctx.viewer.expiresAt : null;
    const expiresAt = maker && (!asked || asked > maker) ? maker : asked;
    const scopes = [...new Set(input.scopes ?? [TokenScope.READ, TokenScope.WRITE])];
    if (!scopes.includes(TokenScope.READ))
      throw badInput("scopes must include READ: every token can read; add WRITE to let it change things.", { argument: "scopes" });
    return createApiToken(ctx, { userId, name, expiresAt, scopes });
  }

  @Authorized()
  @Mutation(() => ApiToken, { description: "Revokes a token at once. Revoking twice is fine." })
  async revokeApiToken(@Arg("id", () => ID, { description: "The token's id (ApiToken.id)." }) id: string, @Ctx() ctx: GraphQLContext): Promise<ApiToken> {
    return revokeApiToken(ctx, { userId: requireOwnCredential(ctx, "revoke API tokens"), tokenId: id });
  }
}
