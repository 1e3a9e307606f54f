// Third-party apps in GraphQL: registering and deleting one's own apps, listing and revoking the
// apps one allowed (public, for the caller), and the consent and device pages' reads and answers
// (the web server only, for the person signed in there).
import "reflect-metadata";
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.ts";
import { requireOwnCredential, requireUserId } from "../../graphql/context.ts";
import { WebServerOnly } from "../../graphql/audiences.ts";
import { forbidden } from "../../errors.ts";
import { deleteOAuthApp, listAuthorizedApps, listOAuthApps, registerOAuthApp, revokeAuthorizedApp } from "./oauth-apps.service.ts";
import { completeAuthorization, completeDevice, describeAuthorization, describeDevice } from "./oauth-interactions.ts";
import { AuthorizedApp, OAuthApp, OAuthRequest, RegisterOAuthAppInput } from "./oauth.types.ts";

const webServerOnly = (ctx: GraphQLContext) => {
  if (!ctx.internal) throw forbidden("Only the movierec web server answers consent and device pages.");
};

@Resolver()
export class OAuthResolver {
  @Authorized()
  @Query(() => [OAuthApp], { description: "The third-party apps the caller registered, newest first." })
  async oauthApps(@Ctx() ctx: GraphQLContext): Promise<OAuthApp[]> {
    return listOAuthApps(ctx, { userId: requireUserId(ctx) });
  }

  @Authorized()
  @Mutation(() => OAuthApp, { description: "Registers a third-party app: its clientId is what it sends to /oauth/auth and /oauth/token (docs at /docs)." })
  async registerOAuthApp(
    @Arg("input", () => RegisterOAuthAppInput, { description: "Its name and redirect URIs." }) input: RegisterOAuthAppInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OAuthApp> {
    return registerOAuthApp(ctx, { userId: requireOwnCredential(ctx, "register apps"), name: input.name, redirectUris: input.redirectUris });
  }

  @Authorized()
  @Mutation(() => OAuthApp, { description: "Deletes one of the caller's apps: every grant and token it holds ends at once." })
  async deleteOAuthApp(@Arg("id", () => ID, { description: "The app's id." }) id: string, @Ctx() ctx: GraphQLContext): Promise<OAuthApp> {
    return deleteOAuthApp(ctx, { userId: requireOwnCredential(ctx, "delete apps"), appId: id });
  }

  @Authorized()
  @Query(() => [AuthorizedApp], { description: "The apps the caller allowed into their account, newest first." })
  async authorizedApps(@Ctx() ctx: GraphQLContext): Promise<AuthorizedApp[]> {
    return listAuthorizedApps(ctx, { userId: requireUserId(ctx) });
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Takes an app's access away: its tokens stop working at once. False when it had none." })
  async revokeAuthorizedApp(
    @Arg("clientId", () => String, { description: "The app's clientId." }) clientId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return revokeAuthorizedApp(ctx, { userId: requireOwnCredential(ctx, "take apps' access away"), clientId });
  }

  @WebServerOnly()
  @Query(() => OAuthRequest, { description: "For the web server only (the consent page): what an app asks for in an authorization request." })
  async oauthAuthorizationRequest(
    @Arg("uid", () => String, { description: "The request's id, from the consent page's URL." }) uid: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    webServerOnly(ctx);
    return describeAuthorization(ctx, uid);
  }

  @WebServerOnly()
  @Mutation(() => String, {
    description:
      "For the web server only (the consent page): a person's answer to an app's request; returns where their browser goes next, the OAuth server, which settles the answer only for the browser that started the request.",
  })
  async completeOAuthAuthorization(
    @Arg("uid", () => String, { description: "The request's id." }) uid: string,
    @Arg("userId", () => ID, { description: "The person signed in to the web app." }) userId: string,
    @Arg("approve", () => Boolean, { description: "True to allow, false to deny." }) approve: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<string> {
    webServerOnly(ctx);
    return completeAuthorization(ctx, { uid, userId, approve });
  }

  @WebServerOnly()
  @Query(() => OAuthRequest, { description: "For the web server only (the device page): what the device waiting for this code asks for." })
  async oauthDeviceRequest(
    @Arg("userCode", () => String, { description: "The code the person typed." }) userCode: string,
    @Arg("userId", () => ID, { description: "The person signed in to the web app: codes that match no device are counted against them." }) userId: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    webServerOnly(ctx);
    return describeDevice(ctx, { userCode, userId });
  }

  @WebServerOnly()
  @Mutation(() => Boolean, { description: "For the web server only (the device page): allows or denies the device waiting for this code; true when allowed." })
  async completeOAuthDevice(
    @Arg("userCode", () => String, { description: "The code the person typed." }) userCode: string,
    @Arg("userId", () => ID, { description: "The person signed in to the web app." }) userId: string,
    @Arg("approve", () => Boolean, { description: "True to allow, false to deny." }) approve: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    webServerOnly(ctx);
    return completeDevice(ctx, { userCode, userId, approve });
  }
}
