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
    { media: "(prefers-color-scheme: light)", color: "#f7f7f9" },
    { media: "(prefers-color-scheme: dark)", color: "#101116" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
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
