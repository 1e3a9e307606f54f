import { GeistSans } from "geist/font/sans";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { OfflineBanner } from "../components/offline-banner";
import { ServiceWorker } from "../components/service-worker";
import { SiteFooter, SiteHeader } from "../components/site-header";
import { currentUser } from "../lib/session";
import "./globals.css";

export const metadata: Metadata = { title: { default: "movierec", template: "%s · movierec" }, description: "Ranked, explained movie and TV recommendations." };
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
  const user = await currentUser();
  return (
    <html lang="en" className={GeistSans.variable}>
      <body>
        <SiteHeader user={user} />
        <OfflineBanner />
        {children}
        <SiteFooter />
        <ServiceWorker />
      </body>
    </html>
  );
}
