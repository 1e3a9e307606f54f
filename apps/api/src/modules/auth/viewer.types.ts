// Who is calling, as every request carries it (resolved in viewer.ts).
export type Role = "USER" | "ADMIN";

export interface Viewer {
  userId: string;
  role: Role;
  via: "api-token" | "session";
  tokenId?: string;
  /** The web session a session cookie belongs to. */
  sessionId?: string;
}
