import "reflect-metadata";
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.ts";
import { requireOwnCredential } from "../../graphql/context.ts";
import { forbidden } from "../../errors.ts";
import { endAllWebSessions, endWebSession, liveSessionUser, startPasswordWebSession, startWebSession } from "./web-session.service.ts";
import { WebServerOnly } from "../../graphql/audiences.ts";
import { toUser } from "./auth.resolver.ts";
import { SignInInput, WebSignIn } from "./auth.types.ts";
import { signIn } from "./password.service.ts";

const webServerOnly = (ctx: GraphQLContext) => {
  if (!ctx.internal) throw forbidden("Only the movierec web server manages web sessions.");
};

@Resolver()
export class WebSessionResolver {
  @WebServerOnly()
  @Mutation(() => WebSignIn, {
    description:
      "For the web server only (password sign-in): checks the email and password as signIn does, under the same sign-in throttle, and starts a web session in the same call; refused (UNAUTHENTICATED) if the password changes in between.",
  })
  async signInToWeb(
    @Arg("input", () => SignInInput, { description: "The email and password to check." }) input: SignInInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebSignIn> {
    webServerOnly(ctx);
    const user = await signIn(ctx, { email: input.email, password: input.password, clientIp: ctx.clientIp });
    // signIn returns only an account whose password it has just checked against this hash.
    const sessionId = await startPasswordWebSession(ctx, { userId: user.id, passwordHash: user.passwordHash ?? "" });
    return { user: toUser(user), sessionId };
  }

  @WebServerOnly()
  @Mutation(() => String, {
    description: "For the web server only (sign-in with a provider): starts a web session for the user; its id goes into the session cookie.",
  })
  async startWebSession(@Arg("userId", () => ID, { description: "The user who signed in." }) userId: string, @Ctx() ctx: GraphQLContext): Promise<string> {
    webServerOnly(ctx);
    return startWebSession(ctx, { userId });
  }

  @WebServerOnly()
  @Query(() => Boolean, { description: "For the web server only: whether this user's web session is still live (not signed out, not expired)." })
  async webSessionActive(
    @Arg("sessionId", () => String, { description: "The session id in the cookie." }) sessionId: string,
    @Arg("userId", () => ID, { description: "The user the session cookie names." }) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    webServerOnly(ctx);
    return (await liveSessionUser(ctx, { sessionId, userId })) !== null;
  }

  @WebServerOnly()
  @Mutation(() => Boolean, { description: "For the web server only (sign-out): ends a web session; its cookie stops working everywhere at once." })
  async endWebSession(
    @Arg("sessionId", () => String, { description: "The session id in the cookie." }) sessionId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    webServerOnly(ctx);
    return endWebSession(ctx, { sessionId });
  }

  @Authorized()
  @Mutation(() => Int, {
    description:
      "Signs the caller out of the web app everywhere: every session cookie of theirs stops working at once. API tokens are not affected. Returns how many sessions ended.",
  })
  async signOutEverywhere(@Ctx() ctx: GraphQLContext): Promise<number> {
    return endAllWebSessions(ctx, { userId: requireOwnCredential(ctx, "sign the person out everywhere") });
  }
}
