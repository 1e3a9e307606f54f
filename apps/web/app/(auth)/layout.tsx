import type { ReactNode } from "react";
import { ForgetSignedOutData } from "../../components/forget-signed-out-data";
import { AUTH_MESSAGES, ClientMessages } from "../../i18n/client-messages";

// The sign-in and sign-up pages: their forms' text goes to the browser with the shell's. Only people
// signed out see them (the pages send anyone signed in on), so what this browser kept of the last
// person goes, also when a session that ended elsewhere got here by a client-side navigation.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={AUTH_MESSAGES}>
      {children}
      <ForgetSignedOutData />
    </ClientMessages>
  );
}
