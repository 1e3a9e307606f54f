// Which of the interface's text reaches the browser. Server Components read every namespace on the
// server (i18n/request.ts); Client Components get only what a provider above them hands down, and
// those messages travel in every document's RSC payload. The root layout hands down what every
// page's shell uses, and each part of the app adds its own. A NextIntlClientProvider inside another
// replaces its messages rather than adding to them, so each set below names every namespace its
// Client Components use (client-messages.test.ts checks the sources against these lists).
// Before, every namespace went to every page: 21 kB of text, 8.9 kB of it Settings', in each document.
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Messages } from "./messages";

export type Namespace = keyof Messages;

/** The site's header and footer (language picker, sign-out, offline banner), everywhere. */
export const SHELL_MESSAGES = ["common", "shell"] as const satisfies readonly Namespace[];
/** Sign-in and sign-up forms. */
export const AUTH_MESSAGES = [...SHELL_MESSAGES, "auth"] as const satisfies readonly Namespace[];
/** Signed-in pages (app/(app)) and the shared components they use: cards, grids, shelves, menus. */
export const SIGNED_IN_MESSAGES = [
  ...SHELL_MESSAGES,
  "cards",
  "home",
  "browse",
  "search",
  "lists",
  "title",
  "onboarding",
] as const satisfies readonly Namespace[];
/** Settings: the signed-in set and its own panels. */
export const SETTINGS_MESSAGES = [...SIGNED_IN_MESSAGES, "settings"] as const satisfies readonly Namespace[];

/** Hands the Client Components inside it the named namespaces of the request's language, and nothing else. */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  const messages = (await getMessages()) as Messages;
  const picked = Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
