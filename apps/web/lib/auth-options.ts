// next-auth (v4) with JWT sessions. Email + password always; GitHub when GITHUB_ID/GITHUB_SECRET are set.
// The JWT's `sub` is the API's user id: the API decrypts this same cookie with AUTH_SECRET.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { serverEnv } from "./env";
import { LinkOAuthAccountDocument, SignInDocument } from "./generated/graphql";
import { ApiError, serverGraphql } from "./server-graphql";

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
      const data = await serverGraphql({
        document: SignInDocument,
        variables: { input: { email: input.email, password: input.password } },
        forwardedFor: typeof forwardedFor === "string" ? forwardedFor : undefined,
      });
      return data.signIn;
    } catch (error) {
      // A wait (too many attempts) is said as the API says it: the sign-in form shows the message.
      if (error instanceof ApiError && error.code === "RATE_LIMITED") throw new Error(error.message);
      // Wrong password or unknown email: next-auth reports "CredentialsSignin".
      return null;
    }
  },
});

const { GITHUB_ID, GITHUB_SECRET, AUTH_SECRET } = serverEnv();
const oauthProviders = GITHUB_ID && GITHUB_SECRET ? [GitHubProvider({ clientId: GITHUB_ID, clientSecret: GITHUB_SECRET })] : [];

export const authOptions: NextAuthOptions = {
  secret: AUTH_SECRET,
  session: { strategy: "jwt" },
  providers: [credentials, ...oauthProviders],
  pages: { signIn: "/signin" },
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
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};

export const oauthProviderIds = oauthProviders.map((provider) => ({ id: provider.id, name: provider.name }));
