import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ForgetSignedOutData } from "../components/forget-signed-out-data";
import { OfflineBanner } from "../components/offline-banner";
import { ServiceWorker } from "../components/service-worker";
import { SiteFooter, SiteHeader } from "../components/site-header";
import { ClientMessages, SHELL_MESSAGES } from "../i18n/client-messages";
import { currentUser } from "../lib/session";
import "./globals.css";

// Geist, self-hosted and preloaded: its Latin subset (scripts/font-subset.ts, 26 kB against the whole
// font's 68 kB), the weights 400–800 in one variable file.
const geistSans = localFont({ src: "./fonts/geist-sans-latin.woff2", variable: "--font-geist-sans", weight: "400 800" });

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell");
  return { title: { default: "movierec", template: "%s · movierec" }, description: t("description") };
}
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f6f5f2" },
    { media: "(prefers-color-scheme: dark)", color: "#0e0f13" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [user, locale] = await Promise.all([currentUser(), getLocale()]);
  return (
    <html lang={locale} className={geistSans.variable}>
      <body>
        <ClientMessages namespaces={SHELL_MESSAGES}>
          <SiteHeader user={user} />
          <OfflineBanner />
          {children}
          <SiteFooter />
          <ServiceWorker />
          {!user && <ForgetSignedOutData />}
        </ClientMessages>
      </body>
    </html>
  );
}
