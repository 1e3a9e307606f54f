import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ApolloGate } from "../../components/apollo-gate";
import { dataSourceScope } from "../../lib/data-source";
import { currentUser } from "../../lib/session";

// Everything in here is for signed-in people and talks to the API through Apollo.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return (
    <main id="main" className="page">
      <ApolloGate userId={user.id} dataSource={dataSourceScope()}>
        {children}
      </ApolloGate>
    </main>
  );
}
