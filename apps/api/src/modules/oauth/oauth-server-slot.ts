// Where the rest of the API finds the OAuth server (oauth-server.ts), which server.ts builds once
// the API knows its own address. Absent without AUTH_SECRET.
import type Provider from "oidc-provider";
import { AppError } from "../../errors.ts";

export interface OAuthServer {
  provider: Provider;
  /** The resource its access tokens are for: the GraphQL endpoint. */
  resource: string;
  handle: ReturnType<Provider["callback"]>;
  /** Signs the consent page's answers (consent-ticket.ts). */
  consentTicketKey: Buffer;
}

export class OAuthServerSlot {
  get: () => OAuthServer | undefined = () => undefined;
  require(): OAuthServer {
    const server = this.get();
    if (!server) throw new AppError("SERVICE_UNAVAILABLE", "OAuth is not available: the API needs AUTH_SECRET.");
    return server;
  }
}
