import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ClientMessages, SIGNED_IN_MESSAGES } from "../../i18n/client-messages";
import { currentUser } from "../../lib/session";

// Everything in here is for signed-in people and talks to the API through Apollo: each page wraps
// its view in components/signed-in-app.tsx (the gate is per page, the client per tab).
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return (
    <main id="main" className="page app-page">
      <ClientMessages namespaces={SIGNED_IN_MESSAGES}>{children}</ClientMessages>
    </main>
  );
}
