import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "./auth-options";

export interface SessionUser {
  id: string;
  email: string | null;
  name: string | null;
}

/** The signed-in user on the server, or null for a visitor; asked once per request (a page and its layout share it). */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; email?: string | null; name?: string | null } | undefined;
  if (!user?.id) return null;
  return { id: user.id, email: user.email ?? null, name: user.name ?? null };
});
