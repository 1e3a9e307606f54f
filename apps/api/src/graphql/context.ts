import { unauthenticated } from "../errors.ts";
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
}

/** The signed-in caller's user id, or UNAUTHENTICATED. */
export function requireUserId(context: GraphQLContext): string {
  if (!context.viewer) throw unauthenticated();
  return context.viewer.userId;
}
