import type { ReactNode } from "react";

export const metadata = { title: "movierec", description: "Ranked, explained movie and TV recommendations." };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
