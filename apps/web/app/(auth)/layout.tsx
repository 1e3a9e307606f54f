import type { ReactNode } from "react";
import { AUTH_MESSAGES, ClientMessages } from "../../i18n/client-messages";

// The sign-in and sign-up pages: their forms' text goes to the browser with the shell's.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={AUTH_MESSAGES}>{children}</ClientMessages>;
}
