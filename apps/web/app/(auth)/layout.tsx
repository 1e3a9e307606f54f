import type { ReactNode } from "react";
import { ForgetSignedOutData } from "../../components/forget-signed-out-data";
import { AUTH_MESSAGES, ClientMessages } from "../../i18n/client-messages";
import { currentUser } from "../../lib/session";

// The sign-in and sign-up pages: their forms' text goes to the browser with the shell's. Rendered for
// nobody signed in, what this browser kept of the last person goes, also when a session that ended
// elsewhere got here by a client-side navigation (which the root layout's copy does not see). Not
// when someone is signed in: a client-side navigation here renders this layout before the page's
// redirect on. The component asks the session again first, as Back may replay this layout from the
// router's cache after a sign-in.
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <ClientMessages namespaces={AUTH_MESSAGES}>
      {children}
      {!user && <ForgetSignedOutData confirmSignedOut />}
    </ClientMessages>
  );
}
