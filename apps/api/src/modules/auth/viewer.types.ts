// Who is calling, as every request carries it (resolved in viewer.ts).
export type Role = "USER" | "ADMIN";

/** What a credential may do: read, and write (run mutations). A web session may do both. */
export type Scope = "read" | "write";
export const SCOPES: readonly Scope[] = ["read", "write"];

export interface Viewer {
  userId: string;
  role: Role;
  via: "api-token" | "oauth" | "session";
  /** The personal API token, or for an OAuth access token its grant (one per person and app). */
  tokenId?: string;
  /** What the credential may do (a token's scopes; a web session has every scope). */
  scopes: readonly Scope[];
  /** The web session a session cookie belongs to. */
  sessionId?: string;
  /** When a personal API token stops working (none: it does not expire). A token it makes expires no later. */
  expiresAt?: Date | null;
}
