"use client";
import { useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type ReactNode, startTransition, useDeferredValue, useEffect, useState } from "react";
import { FirstReads } from "../../../components/first-reads";
import { GENRES_QUERY, PREFERENCES_QUERY } from "../../../lib/graphql";
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
import { SettingsLoading } from "./settings-loading";
import { SignOutEverywhere } from "./sign-out-everywhere";
import { YourServices } from "./your-services";
import { KeepStandIn } from "../../../components/stand-in";

const playgroundUrl = publicEnv.NEXT_PUBLIC_PLAYGROUND_URL;
// The API serves its reference and getting-started page beside the playground.
const docsUrl = new URL("/docs", playgroundUrl).toString();

export function SettingsView() {
  // The first panel's answers, read from the cache in tasks of their own before the page renders them
  // (the later panels read theirs as each mounts, a task apart).
  return (
    <FirstReads reads={[{ query: PREFERENCES_QUERY }, { query: GENRES_QUERY }]} fallback={<SettingsLoading />}>
      <Settings />
    </FirstReads>
  );
}

function Settings() {
  const t = useTranslations("settings");
  // The first panel (preferences, with every genre) is a screen tall or more: the page waits for its
  // two queries before showing the panels, rather than showing a one-line panel that then grows and
  // pushes every panel below it out of view (Lighthouse measured a layout shift of 0.53 for that).
  const preferences = useQuery(PREFERENCES_QUERY);
  const genres = useGenres();
  const loaded = Boolean((preferences.data || preferences.error) && (genres.data || genres.error));
  // A dozen panels, each with its own queries, mount in a background render React slices, not in
  // the one task an Apollo answer renders in (as home's cards: bench/README.md).
  const showPanels = useDeferredValue(loaded);
  // The panels below the first two mount one after another, each in a task of its own once the one
  // before has committed, so each sends its queries and writes its answers apart: all at once, they
  // sent eight queries and took their answers in 225–325 ms tasks at Lighthouse's 4× CPU
  // (bench/README.md). They are below the first screen (the preferences panel alone is a screen
  // tall), so arriving moves nothing in view.
  const [mounted, setMounted] = useState(FIRST_PANELS);
  useEffect(() => {
    if (!showPanels || mounted >= LATER_PANELS.length + FIRST_PANELS) return;
    const next = setTimeout(() => startTransition(() => setMounted((count) => count + 1)));
    return () => clearTimeout(next);
  }, [showPanels, mounted]);
  if (!showPanels) {
    // The page's stand-in stays, the same elements (components/stand-in.tsx).
    return (
      <KeepStandIn>
        <SettingsLoading />
      </KeepStandIn>
    );
  }
  return (
    <div className="stack-lg">
      <h1>{t("heading")}</h1>
      <PreferencesForm />
      <YourServices />
      {LATER_PANELS.slice(0, mounted - FIRST_PANELS).map(({ key, Panel }) => (
        <Panel key={key} />
      ))}
    </div>
  );
}

/** Preferences and services: what the first screen shows, with the page's first answer. */
const FIRST_PANELS = 2;

/** The rest, top to bottom, each mounted in a task of its own (SettingsView). */
const LATER_PANELS: ReadonlyArray<{ key: string; Panel: () => ReactNode }> = [
  { key: "not-interested", Panel: NotInterested },
  { key: "imports", Panel: ImportHistory },
  { key: "export", Panel: ExportData },
  { key: "authorized-apps", Panel: AuthorizedApps },
  { key: "api-tokens", Panel: ApiTokens },
  { key: "your-apps", Panel: () => <YourApps docsUrl={docsUrl} /> },
  { key: "change-password", Panel: ChangePassword },
  { key: "sign-out-everywhere", Panel: SignOutEverywhere },
  { key: "playground", Panel: Playground },
  { key: "delete-account", Panel: DeleteAccount },
];

/** Where to try the API: the playground and the docs, each in a new tab. */
function Playground() {
  const t = useTranslations("settings.playground");
  const hidden = (chunks: ReactNode) => <span className="visually-hidden">{chunks}</span>;
  return (
    <section aria-labelledby="playground-heading" className="panel">
      <h2 id="playground-heading">{t("heading")}</h2>
      <p>
        {t.rich("body", {
          code: (chunks) => <code>{chunks}</code>,
          hidden,
          playground: (chunks) => (
            <a href={playgroundUrl} target="_blank" rel="noreferrer">
              {chunks}
            </a>
          ),
          docs: (chunks) => (
            <a href={docsUrl} target="_blank" rel="noreferrer">
              {chunks}
            </a>
          ),
        })}
      </p>
    </section>
  );
}
