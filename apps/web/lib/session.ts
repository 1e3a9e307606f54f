import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";

export interface SessionUser {
  id: string;
  email: string | null;
  name: string | null;
}

/** The signed-in user on the server, or null for a visitor. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; email?: string | null; name?: string | null } | undefined;
  if (!user?.id) return null;
  return { id: user.id, email: user.email ?? null, name: user.name ?? null };
}
