// next-auth (v4) with JWT sessions. Email + password always; GitHub when GITHUB_ID/GITHUB_SECRET are set.
// The JWT's `sub` is the API's user id: the API decrypts this same cookie with AUTH_SECRET.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { serverEnv } from "./env";
import { EndWebSessionDocument, LinkOAuthAccountDocument, SignInToWebDocument, StartWebSessionDocument, WebSessionActiveDocument } from "./generated/graphql";
import { describeForLog, logger } from "./logger";
import { ApiError, serverGraphql } from "./server-graphql";
import { RATE_LIMITED_PREFIX, SIGN_IN_UNAVAILABLE } from "./sign-in-problem";

const credentials = CredentialsProvider({
  name: "Email and password",
  credentials: {
    email: { label: "Email", type: "email" },
    password: { label: "Password", type: "password" },
  },
  async authorize(input, request) {
    if (!input?.email || !input.password) return null;
    const forwardedFor = request?.headers?.["x-forwarded-for"];
    try {
      // The password's check and the web session's start are one call: the API refuses the session
      // if the password changed in between (a sign-in racing a password change).
      const data = await serverGraphql({
        document: SignInToWebDocument,
        variables: { input: { email: input.email, password: input.password } },
        forwardedFor: typeof forwardedFor === "string" ? forwardedFor : undefined,
        internal: true,
      });
      const { user, sessionId } = data.signInToWeb;
      return { ...user, sessionId };
    } catch (error) {
      // Wrong password or unknown email: next-auth reports "CredentialsSignin".
      if (error instanceof ApiError && error.code === "UNAUTHENTICATED") return null;
      // A wait (too many attempts) is said as the API says it: the sign-in form shows the message.
      if (error instanceof ApiError && error.code === "RATE_LIMITED") throw new Error(`${RATE_LIMITED_PREFIX}${error.message}`);
      // The API is away or failed: not the person's password (lib/sign-in-problem.ts says which).
      logger.warn({ err: describeForLog(error) }, "sign-in: the API did not check the password");
      throw new Error(SIGN_IN_UNAVAILABLE);
    }
  },
});

const SESSION_ENDED = "web session ended";
/** How long this server trusts a session it has checked (sign-out here forgets it at once). */
const SESSION_CHECK_MS = 5_000;
const webSessionChecks = new Map<string, number>();

/**
 * Whether the cookie's web session is still live (the API keeps them: web-session.service.ts),
 * asked at most every SESSION_CHECK_MS per session. A cookie from before sessions had ids is not.
 */
async function liveWebSession(token: { sub?: string; sid?: unknown }): Promise<boolean> {
  if (typeof token.sid !== "string" || !token.sub) return false;
  const checkedAt = webSessionChecks.get(token.sid);
  if (checkedAt !== undefined && Date.now() - checkedAt < SESSION_CHECK_MS) return true;
  let active: boolean;
  try {
    active = (await serverGraphql({ document: WebSessionActiveDocument, variables: { sessionId: token.sid, userId: token.sub }, internal: true }))
      .webSessionActive;
  } catch (error) {
    // The API cannot answer (restarting, unreachable): keep the cookie rather than sign everyone out.
    // Nothing is exposed by that: every read and write goes through the API, which checks the session itself.
    logger.warn({ err: describeForLog(error) }, "could not check a web session; kept it");
    return true;
  }
  if (!active) return false;
  if (webSessionChecks.size > 10_000) webSessionChecks.clear();
  webSessionChecks.set(token.sid, Date.now());
  return true;
}

/** Ends a web session at the API (its cookie stops working there and here at once); throws when the API cannot answer. */
export async function endWebSession(sessionId: string): Promise<void> {
  webSessionChecks.delete(sessionId);
  await serverGraphql({ document: EndWebSessionDocument, variables: { sessionId }, internal: true });
}

const { GITHUB_ID, GITHUB_SECRET, AUTH_SECRET } = serverEnv();
const oauthProviders = GITHUB_ID && GITHUB_SECRET ? [GitHubProvider({ clientId: GITHUB_ID, clientSecret: GITHUB_SECRET })] : [];

export const authOptions: NextAuthOptions = {
  secret: AUTH_SECRET,
  session: { strategy: "jwt" },
  providers: [credentials, ...oauthProviders],
  pages: { signIn: "/signin" },
  events: {
    // The cookie stops working at the API and here at once, not when it expires. The header's Sign
    // out ends the session first (lib/end-session.ts), so an API that cannot answer keeps the person
    // signed in rather than clearing a cookie whose session stays live; next-auth ignores a failure here.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endWebSession(token.sid);
    },
  },
  // next-auth's own lines, as JSON through the web server's logger. A cookie of an ended session is
  // cleared by next-auth, which reports it as an error: it is not one.
  logger: {
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR" && metadata instanceof Error && metadata.message === SESSION_ENDED) return;
      logger.error({ code, err: describeForLog(metadata) }, "next-auth error");
    },
    warn(code) {
      logger.warn({ code }, "next-auth warning");
    },
    debug(code) {
      logger.debug({ code }, "next-auth debug");
    },
  },
  callbacks: {
    // An OAuth sign-in is linked to (or creates) the API's user, whose id becomes the JWT's `sub`:
    // the API knows its users by that id, not by the provider's.
    async jwt({ token, account, user }) {
      if (account && account.provider !== "credentials") {
        const data = await serverGraphql({
          document: LinkOAuthAccountDocument,
          variables: {
            input: {
              provider: account.provider,
              providerAccountId: account.providerAccountId,
              email: user?.email ?? null,
              name: user?.name ?? null,
              image: user?.image ?? null,
            },
          },
          internal: true,
        });
        token.sub = data.linkOAuthAccount.id;
      }
      // Signing in starts a web session the API can end (sign-out, "sign out everywhere"); the
      // cookie carries its id. Later reads check it is still live (liveWebSession).
      if (user && token.sub) {
        // A password sign-in's session was started with the check (signInToWeb); a provider's here.
        const started = (user as { sessionId?: string }).sessionId;
        token.sid = started ?? (await serverGraphql({ document: StartWebSessionDocument, variables: { userId: token.sub }, internal: true })).startWebSession;
        return token;
      }
      if (!(await liveWebSession(token))) throw new Error(SESSION_ENDED);
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};

export const oauthProviderIds = oauthProviders.map((provider) => ({ id: provider.id, name: provider.name }));
