import { forbidden, unauthenticated } from "../errors.ts";
import type { AppServices } from "../app-services.ts";
import type { Viewer } from "../modules/auth/viewer.ts";
import type { Loaders } from "./loaders.ts";
import type { Locale } from "./locale.ts";

export interface GraphQLContext extends AppServices {
  requestId: string;
  /** The caller's address (X-Forwarded-For believed only as TRUST_PROXY says), for per-address limits. */
  clientIp: string;
  viewer: Viewer | null;
  /** True for the web server's own calls (next-auth account linking), proved by a derived key. */
  internal: boolean;
  loaders: Loaders;
  /** The language to answer in, from Accept-Language (locale.ts): reasons' text, genre names. */
  locale: Locale;
  /**
   * Set by a resolver whose answer is incomplete for now (a list TMDB could not give yet: genres,
   * watch providers): the answer is then not cached publicly (cache-control.ts), so the next
   * request asks again.
   */
  incompleteAnswer?: boolean;
}

/** The signed-in caller's user id, or UNAUTHENTICATED. */
export function requireUserId(context: GraphQLContext): string {
  if (!context.viewer) throw unauthenticated();
  return context.viewer.userId;
}

/**
 * The signed-in caller's user id, when the credential is the person's own (the web session or a
 * personal API token), not an app's OAuth token: an app allowed into an account must not manage its
 * credentials (make a token that outlives the app's access, revoke the person's tokens or apps,
 * register apps in their name, sign them out). `what` names the action for the refusal.
 */
export function requireOwnCredential(context: GraphQLContext, what: string): string {
  const userId = requireUserId(context);
  if (context.viewer?.via === "oauth")
    throw forbidden(`An app's OAuth token cannot ${what}: the person does that in the web app's Settings, or with a personal API token.`);
  return userId;
}
