// What every attack family of the security probe is handed (built by setup.ts): the running stack,
// the catalogue, the probe's users (A, whose data is attacked; B, the attacker; an admin; a deleted
// user), A's data as it was before any attempt, and the checks that B reads only B's own.
import type { buildCatalogue } from "../../../packages/tmdb-catalogue/src/index.ts";
import type { startStack } from "../stack.ts";
import type { Response } from "./http.ts";

export type Stack = Awaited<ReturnType<typeof startStack>>;
export type Prisma = Stack["services"]["prisma"];
export type Catalogue = ReturnType<typeof buildCatalogue>;

/** A user the probe signed up over HTTP, with an API token and a web session cookie. */
export interface ProbeUser {
  id: string;
  email: string;
  password: string;
  token: string;
  tokenId: string;
  cookie: string;
}

/** An API token as createApiToken answers: its secret (the bearer token) and its row's id. */
export interface CreatedToken {
  secret: string;
  token: { id: string };
}

/** A session cookie for a user, as the web server sets one at sign-in (or made with a wrong secret / age). */
export type CookieFor = (user: { id: string; email: string }, options?: { secret?: string; maxAge?: number }) => Promise<string>;

/** What the probe reads of an answer to Q.lists. */
export interface ListsAnswer {
  favourites: { edges: Array<{ cursor: string; node: { id: string } }> };
  watchlist: { edges: Array<{ cursor: string; watchedAt: string | null; node: { id: string } }> };
  apiTokens: Array<{ id: string }>;
}

export interface ProbeContext {
  stack: Stack;
  prisma: Prisma;
  /** AUTH_SECRET: signs session cookies; the internal key is derived from it. */
  secret: string;
  catalogue: Catalogue;
  /** The 12 most popular movies: A's data is on 0–4, B's favourite is 5. */
  popular: ReturnType<Catalogue["popular"]>;
  ref: (index: number) => { type: "MOVIE"; tmdbId: number };
  idOf: (index: number) => string;
  A: ProbeUser;
  B: ProbeUser;
  admin: ProbeUser;
  /** Deleted right after sign-up: its token and cookie must not work. */
  doomed: ProbeUser;
  /** A's second token, made over HTTP (the one B can try to revoke by id). */
  a2: CreatedToken;
  /** A's lists and tokens as A read them before any attempt. */
  aLists: ListsAnswer;
  aFavouriteCursor: string;
  aWatchlistCursor: string;
  /** Tokens of A's that must not work: revoked over HTTP, and expired. */
  revoked: CreatedToken;
  expired: CreatedToken;
  /** A's rows (JSON) before every attempt. */
  aBaseline: string;
  cookieFor: CookieFor;
  newUser: (label: string, role?: "USER" | "ADMIN") => Promise<ProbeUser>;
  /** Problems (LEAK …) when what the caller (B unless `who`) read is not all the caller's own. */
  bOwns: (data: unknown, who?: ProbeUser) => Promise<string[]>;
  /** `bOwns` as an attempt's `verify`. */
  scopedTo: (who: ProbeUser) => (response: Response) => Promise<string[]>;
}
