"use client";
// When the root layout itself fails, nothing of it (messages, fonts, header) can be used: a plain
// page in both of the interface's languages, with a way to try again.
import "./globals.css";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main" className="page narrow">
          <h1>Something went wrong.</h1>
          <p>movierec could not show this page. Try again in a moment.</p>
          <p lang="fr">movierec n’a pas pu afficher cette page. Réessayez dans un instant.</p>
          <button type="button" className="button button-primary" onClick={() => reset()}>
            Try again · Réessayer
          </button>
        </main>
      </body>
    </html>
  );
}
