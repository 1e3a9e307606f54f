"use client";
import { useQuery } from "@apollo/client/react";
import { PREFERENCES_QUERY } from "../../../lib/graphql";
import { useGenres } from "../../../lib/use-genres";
import { PreferencesForm } from "./preferences-form";
import { publicEnv } from "../../../lib/public-env";
import { ApiTokens } from "./api-tokens";
import { AuthorizedApps, YourApps } from "./third-party-apps";
import { NotInterested } from "./not-interested";
import { ChangePassword } from "./change-password";
import { DeleteAccount } from "./delete-account";
import { ExportData } from "./export-data";
import { ImportHistory } from "./import-history";
import { SignOutEverywhere } from "./sign-out-everywhere";
import { YourServices } from "./your-services";

const playgroundUrl = publicEnv.NEXT_PUBLIC_PLAYGROUND_URL;
// The API serves its reference and getting-started page beside the playground.
const docsUrl = new URL("/docs", playgroundUrl).toString();

export function SettingsView() {
  // The first panel (preferences, with every genre) is a screen tall or more: the page waits for its
  // two queries before showing the panels, rather than showing a one-line panel that then grows and
  // pushes every panel below it out of view (Lighthouse measured a layout shift of 0.53 for that).
  const preferences = useQuery(PREFERENCES_QUERY);
  const genres = useGenres();
  if ((!preferences.data && !preferences.error) || (!genres.data && !genres.error)) {
    return (
      <div className="stack-lg settings-loading">
        <h1>Settings</h1>
        <p role="status">Loading your settings…</p>
      </div>
    );
  }
  return (
    <div className="stack-lg">
      <h1>Settings</h1>
      <PreferencesForm />
      <YourServices />
      <NotInterested />
      <ImportHistory />
      <ExportData />
      <AuthorizedApps />
      <ApiTokens />
      <YourApps docsUrl={docsUrl} />
      <ChangePassword />
      <SignOutEverywhere />
      <section aria-labelledby="playground-heading" className="panel">
        <h2 id="playground-heading">GraphQL playground</h2>
        <p>
          Explore the API in your browser: docs, history and an <code>Authorization</code> header for your token.{" "}
          <a href={playgroundUrl} target="_blank" rel="noreferrer">
            Open the playground<span className="visually-hidden"> (opens in a new tab)</span>
          </a>{" "}
          or read the{" "}
          <a href={docsUrl} target="_blank" rel="noreferrer">
            API reference and getting started<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
          .
        </p>
      </section>
      <DeleteAccount />
    </div>
  );
}
