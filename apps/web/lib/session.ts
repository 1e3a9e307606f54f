import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";
import { authOptions } from "./auth-options";
import { SignedInEmailDocument } from "./generated/graphql";
import { serverGraphql } from "./server-graphql";

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

/**
 * The signed-in person's email as the API has it now. The session's copy is the one they signed in
 * with, so after an email change in Settings it is the old one; the pages that name the person to
 * an app (OAuth consent, device codes) ask. The session's copy when the API cannot answer.
 */
export async function currentEmail(user: SessionUser): Promise<string | null> {
  try {
    const cookie = (await headers()).get("cookie") ?? undefined;
    const { me } = await serverGraphql({ document: SignedInEmailDocument, variables: {}, cookie });
    return me?.id === user.id ? me.email : user.email;
  } catch {
    return user.email;
  }
}
