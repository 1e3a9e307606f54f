import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import type { CacheSeed } from "../lib/cache-seed";
import { dataSourceScope } from "../lib/data-source";
import { currentUser } from "../lib/session";
import type { ViewName } from "../app/(app)/views";
import { ApolloGate } from "./apollo-gate";

/**
 * A signed-in page's browser-side part: the signed-in user's Apollo Client around it. Pages render
 * this last, after whatever they decide on the server (a title page's notFound()), because nothing
 * inside it renders on the server (only `fallback`, the page's own server-rendered stand-in): the
 * HTML's status is settled by then. `seed`: the page's first answers, asked by the server with the
 * visitor's session and normalised as the browser's cache holds them (lib/cache-seed.ts).
 */
export async function SignedInApp({ view, children, fallback, seed }: { view: ViewName; children: ReactNode; fallback?: ReactNode; seed?: CacheSeed }) {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return (
    <ApolloGate userId={user.id} dataSource={dataSourceScope()} view={view} fallback={fallback} seed={seed}>
      {children}
    </ApolloGate>
  );
}
