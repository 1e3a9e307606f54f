// OAuth 2.0 for apps built on movierec, over panva's oauth4webapi (standards-compliant, no
// dependencies). An app registered in Settings → Apps has a public clientId and no secret:
//
//   const oauth = createMovierecOAuth({ issuer: "https://api.example.com/oauth", clientId });
//   // In a browser or on a server with a redirect URI:
//   const { url, codeVerifier, state } = await oauth.startAuthorization({ redirectUri, scopes: ["read", "write"] });
//   // …send the person to `url`; movierec sends them back to redirectUri?code=…&state=…
//   const tokens = await oauth.finishAuthorization({ callbackUrl, redirectUri, codeVerifier, state });
//   // On a CLI or a TV, with no browser of its own:
//   const device = await oauth.startDeviceAuthorization({ scopes: ["read"] });
//   console.log(`Open ${device.verificationUri} and type ${device.userCode}`);
//   const tokens = await oauth.waitForDeviceAuthorization(device);
//   // Either way:
//   const movierec = createMovierecClient({ url, token: oauth.keepFresh(tokens) });
import * as oauth from "oauth4webapi";

export type MovierecScope = "read" | "write";

export interface MovierecOAuthOptions {
  /** The OAuth server: the API's address + /oauth, e.g. http://localhost:4000/oauth. */
  issuer: string;
  /** The app's clientId, from Settings → Apps. */
  clientId: string;
  /** fetch to use (the global one by default). */
  fetch?: typeof fetch;
}

export interface MovierecTokens {
  accessToken: string;
  /** Exchanged for a new pair by refresh() (each refresh token works once). */
  refreshToken?: string;
  /** When the access token stops working. */
  expiresAt: Date;
  scopes: MovierecScope[];
}

export interface DeviceAuthorization {
  /** What the person types at verificationUri. */
  userCode: string;
  verificationUri: string;
  /** verificationUri with the code filled in (for a QR code or a link). */
  verificationUriComplete?: string;
  deviceCode: string;
  /** Seconds between polls. */
  interval: number;
  expiresAt: Date;
}

/** An OAuth error the server answered with (error and error_description of RFC 6749). */
export class MovierecOAuthError extends Error {
  override name = "MovierecOAuthError";
  constructor(
    readonly error: string,
    description: string | undefined,
  ) {
    super(description ? `${error}: ${description}` : error);
  }
}

function toTokens(response: oauth.TokenEndpointResponse): MovierecTokens {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresAt: new Date(Date.now() + (response.expires_in ?? 3600) * 1000),
    scopes: (response.scope ?? "").split(" ").filter((scope): scope is MovierecScope => scope === "read" || scope === "write"),
  };
}

/** oauth4webapi's errors, as the server's OAuth error where there is one. */
async function oauthErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError || error instanceof oauth.AuthorizationResponseError)
      throw new MovierecOAuthError(error.error, error.error_description);
    throw error;
  }
}

const scopeOf = (scopes: readonly MovierecScope[]) => [...new Set(scopes)].join(" ");

/** A movierec app's OAuth client: the authorization-code flow with PKCE, the device flow, refresh and revocation. */
export class MovierecOAuth {
  readonly #issuer: URL;
  readonly #client: oauth.Client;
  readonly #none = oauth.None();
  readonly #requestOptions: { [oauth.customFetch]: typeof fetch; [oauth.allowInsecureRequests]?: boolean };
  #server: Promise<oauth.AuthorizationServer> | undefined;

  constructor(readonly options: MovierecOAuthOptions) {
    this.#issuer = new URL(options.issuer);
    this.#client = { client_id: options.clientId };
    // http is fine for a server on the developer's own machine; everything else must be https.
    this.#requestOptions = {
      [oauth.customFetch]: options.fetch ?? fetch,
      ...(this.#issuer.protocol === "http:" ? { [oauth.allowInsecureRequests]: true } : {}),
    };
  }

  /** The server's metadata (RFC 8414): its endpoints. */
  discover(): Promise<oauth.AuthorizationServer> {
    this.#server ??= oauth
      .discoveryRequest(this.#issuer, { algorithm: "oauth2", ...this.#requestOptions })
      .then((response) => oauth.processDiscoveryResponse(this.#issuer, response))
      .catch((error) => {
        this.#server = undefined;
        throw error;
      });
    return this.#server;
  }

  /** Where to send the person (with PKCE); keep codeVerifier and state for finishAuthorization. */
  async startAuthorization(input: { redirectUri: string; scopes: readonly MovierecScope[]; state?: string }) {
    const as = await this.discover();
    if (!as.authorization_endpoint) throw new Error("The server has no authorization endpoint.");
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const state = input.state ?? oauth.generateRandomState();
    const url = new URL(as.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: this.options.clientId,
      response_type: "code",
      redirect_uri: input.redirectUri,
      scope: scopeOf(input.scopes),
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
    }).toString();
    return { url: url.href, codeVerifier, state };
  }

  /** Exchanges the code movierec sent back (the whole callback URL) for tokens. A denial throws MovierecOAuthError("access_denied"). */
  async finishAuthorization(input: { callbackUrl: string | URL; redirectUri: string; codeVerifier: string; state: string }): Promise<MovierecTokens> {
    const as = await this.discover();
    return oauthErrors(async () => {
      const parameters = oauth.validateAuthResponse(as, this.#client, new URL(input.callbackUrl), input.state);
      const response = await oauth.authorizationCodeGrantRequest(
        as,
        this.#client,
        this.#none,
        parameters,
        input.redirectUri,
        input.codeVerifier,
        this.#requestOptions,
      );
      return toTokens(await oauth.processAuthorizationCodeResponse(as, this.#client, response));
    });
  }

  /** A new access token (and refresh token: the old one stops working). */
  async refresh(refreshToken: string): Promise<MovierecTokens> {
    const as = await this.discover();
    return oauthErrors(async () =>
      toTokens(
        await oauth.processRefreshTokenResponse(
          as,
          this.#client,
          await oauth.refreshTokenGrantRequest(as, this.#client, this.#none, refreshToken, this.#requestOptions),
        ),
      ),
    );
  }

  /** Ends a token (RFC 7009): the app signing out. */
  async revoke(token: string): Promise<void> {
    const as = await this.discover();
    await oauthErrors(async () => oauth.processRevocationResponse(await oauth.revocationRequest(as, this.#client, this.#none, token, this.#requestOptions)));
  }

  /** The device flow (RFC 8628): show the person userCode and verificationUri, then waitForDeviceAuthorization. */
  async startDeviceAuthorization(input: { scopes: readonly MovierecScope[] }): Promise<DeviceAuthorization> {
    const as = await this.discover();
    return oauthErrors(async () => {
      const request = await oauth.deviceAuthorizationRequest(as, this.#client, this.#none, { scope: scopeOf(input.scopes) }, this.#requestOptions);
      const response = await oauth.processDeviceAuthorizationResponse(as, this.#client, request);
      return {
        userCode: response.user_code,
        verificationUri: response.verification_uri,
        verificationUriComplete: response.verification_uri_complete,
        deviceCode: response.device_code,
        interval: response.interval ?? 5,
        expiresAt: new Date(Date.now() + response.expires_in * 1000),
      };
    });
  }

  /** Polls until the person allows (tokens) or denies (MovierecOAuthError "access_denied"), or the code expires ("expired_token"). */
  async waitForDeviceAuthorization(device: DeviceAuthorization, waitOptions: { signal?: AbortSignal } = {}): Promise<MovierecTokens> {
    const as = await this.discover();
    let interval = device.interval;
    for (;;) {
      waitOptions.signal?.throwIfAborted();
      try {
        const response = await oauth.deviceCodeGrantRequest(as, this.#client, this.#none, device.deviceCode, this.#requestOptions);
        return toTokens(await oauth.processDeviceCodeResponse(as, this.#client, response));
      } catch (error) {
        if (!(error instanceof oauth.ResponseBodyError)) throw error;
        if (error.error === "slow_down") interval += 5;
        else if (error.error !== "authorization_pending") throw new MovierecOAuthError(error.error, error.error_description);
      }
      await sleep(interval * 1000, waitOptions.signal);
    }
  }

  /**
   * A token function for createMovierecClient that refreshes the access token a minute before it
   * expires. onRefresh hears each new pair (to store it).
   */
  keepFresh(tokens: MovierecTokens, onRefresh?: (tokens: MovierecTokens) => void | Promise<void>): () => Promise<string> {
    let current = tokens;
    let refreshing: Promise<MovierecTokens> | undefined;
    return async () => {
      if (current.refreshToken && current.expiresAt.getTime() - Date.now() < 60_000) {
        refreshing ??= this.refresh(current.refreshToken)
          .then(async (fresh) => {
            current = fresh;
            await onRefresh?.(fresh);
            return fresh;
          })
          .finally(() => {
            refreshing = undefined;
          });
        await refreshing;
      }
      return current.accessToken;
    };
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

export function createMovierecOAuth(options: MovierecOAuthOptions): MovierecOAuth {
  return new MovierecOAuth(options);
}
