"use client";
// Settings → Import your history: upload an export file (Letterboxd's ZIP or one of its CSV files,
// or a movierec export), then watch each import's progress. The list comes from the API
// (`imports`), so it survives a reload; it is asked again every second while an import runs.
// Rows that matched no title are listed with why, can be settled by hand (search, pick the title),
// and can be downloaded as CSV.
import { useLazyQuery, useMutation, useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ErrorState, FieldError } from "../../../components/states";
import { IMPORT_UNMATCHED_QUERY, IMPORTS_QUERY, type ImportJob, RESOLVE_IMPORT_ROW, SEARCH_QUERY } from "../../../lib/graphql";
import { downloadFile } from "../../../lib/download";
import { useErrorReason } from "../../../lib/use-error-reason";

const SOURCES: Record<ImportJob["source"], string> = { LETTERBOXD: "Letterboxd", IMDB: "IMDb", TRAKT: "Trakt", MOVIEREC: "movierec" };

const contentTypeOf = (name: string) =>
  name.toLowerCase().endsWith(".zip")
    ? "application/zip"
    : name.toLowerCase().endsWith(".csv")
      ? "text/csv"
      : name.toLowerCase().endsWith(".json")
        ? "application/json"
        : "application/octet-stream";

export function ImportHistory() {
  const t = useTranslations("settings.importHistory");
  const tProgress = useTranslations("settings.importHistory.progress");
  const { data, error: listError, refetch, startPolling, stopPolling } = useQuery(IMPORTS_QUERY, { fetchPolicy: "cache-and-network" });
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const imports = data?.imports ?? [];
  const running = imports.some((job) => job.status === "QUEUED" || job.status === "RUNNING");
  // The import this page saw queued or running: its start and its end are announced (an old one's
  // result is not, each time Settings opens).
  const newest = imports[0];
  const [followed, setFollowed] = useState<string | null>(null);
  if (newest && newest.id !== followed && (newest.status === "QUEUED" || newest.status === "RUNNING")) setFollowed(newest.id);

  useEffect(() => {
    if (running) startPolling(1_000);
    else stopPolling();
    return () => stopPolling();
  }, [running, startPolling, stopPolling]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setError(t("chooseFile"));
    setError(null);
    setUploading(true);
    try {
      const response = await fetch(`/imports?name=${encodeURIComponent(file.name)}`, {
        method: "POST",
        headers: { "content-type": contentTypeOf(file.name) },
        body: file,
      });
      const body = (await response.json().catch(() => ({}))) as { errors?: Array<{ message: string }> };
      if (!response.ok) setError(body.errors?.[0]?.message ?? t("uploadFailed", { status: response.status }));
      else {
        if (input.current) input.current.value = "";
        // The file is in: a list that fails to refresh now is not a failed upload (it shows itself).
        void refetch().catch(() => undefined);
      }
    } catch {
      // fetch throws only when the request did not go out or no answer came.
      setError(t("unreachable"));
    } finally {
      setUploading(false);
    }
  }

  return (
    <section aria-labelledby="import-heading" className="panel">
      <h2 id="import-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <form onSubmit={onSubmit} className="stack">
        <label className="field">
          <span>{t("file")}</span>
          <input ref={input} name="file" type="file" accept=".zip,.csv,.json" />
        </label>
        <FieldError message={error} />
        <button type="submit" className="button" disabled={uploading}>
          {uploading ? t("uploading") : t("submit")}
        </button>
      </form>
      {/* The newest import said once it is queued and once it ends, not at every poll: a count read
          out each second for minutes would leave a screen reader saying nothing else (the bar shows
          the progress). One region, there from the start, so its first words are heard. */}
      <p className="visually-hidden" role="status">
        {newest && newest.id === followed && newest.status !== "RUNNING" ? importStatus(newest, tProgress) : ""}
      </p>
      {/* Not "no imports" when the list could not be read. */}
      {listError && !data && <ErrorState error={listError} onRetry={() => void refetch()} />}
      {imports.length > 0 && (
        <ul className="stack imports" aria-label={t("listLabel")}>
          {imports.map((job) => (
            <ImportProgress key={job.id} job={job} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** What an import's line says: queued, its count while running, done with its figures, or why it failed. */
function importStatus(job: ImportJob, t: ReturnType<typeof useTranslations<"settings.importHistory.progress">>): string {
  const read = job.rowsMatched + job.rowsMissed;
  if (job.status === "QUEUED") return t("queued", { total: job.rowsTotal });
  if (job.status === "RUNNING") return t("running", { read, total: job.rowsTotal, applied: job.rowsApplied });
  if (job.status === "DONE") return t("done", { applied: job.rowsApplied, total: job.rowsTotal, missed: job.rowsMissed });
  return t("failed", { reason: job.error ?? t("unknownError") });
}

function ImportProgress({ job }: { job: ImportJob }) {
  const t = useTranslations("settings.importHistory.progress");
  const done = job.status === "DONE" || job.status === "FAILED";
  const read = job.rowsMatched + job.rowsMissed;
  const [loadUnmatched, unmatched] = useLazyQuery(IMPORT_UNMATCHED_QUERY, { fetchPolicy: "no-cache" });
  const rows = unmatched.data?.import.unmatched.edges.map((edge) => edge.node) ?? [];
  const status = importStatus(job, t);
  return (
    <li className="import" data-testid="import">
      <p>
        <strong>{job.fileName}</strong> <span className="muted">({SOURCES[job.source]})</span>
      </p>
      <progress max={Math.max(job.rowsTotal, 1)} value={done ? job.rowsTotal : read} aria-label={t("label", { fileName: job.fileName })} />
      <p data-testid="import-status">{status}</p>
      {job.status === "DONE" && job.error && <p className="muted">{job.error}</p>}
      {done && job.rowsMissed > 0 && (
        <div className="stack">
          {!unmatched.data && (
            <button type="button" className="chip" onClick={() => void loadUnmatched({ variables: { id: job.id } })}>
              {t("showUnmatched")}
            </button>
          )}
          {rows.length > 0 && (
            <>
              <ul className="unmatched" aria-label={t("unmatchedLabel", { fileName: job.fileName })}>
                {rows.map((row) => (
                  <UnmatchedRow key={row.id} row={row} onResolved={() => void unmatched.refetch()} />
                ))}
              </ul>
              <button
                type="button"
                className="chip"
                onClick={() => downloadFile(`${job.fileName}-not-matched.csv`, "text/csv", unmatched.data!.import.unmatchedCsv)}
              >
                {t("download", { count: job.rowsMissed })}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

type Unmatched = { id: string; file: string; line: number; title?: string | null; year?: number | null; reason?: string | null };

/** One row not matched: what the file said and why, and a search to say which title it is. */
function UnmatchedRow({ row, onResolved }: { row: Unmatched; onResolved: () => void }) {
  const t = useTranslations("settings.importHistory.unmatched");
  const reasonOf = useErrorReason();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState(row.title ?? "");
  const [search, found] = useLazyQuery(SEARCH_QUERY, { fetchPolicy: "network-only" });
  const [resolve, resolving] = useMutation(RESOLVE_IMPORT_ROW, { refetchQueries: [IMPORTS_QUERY] });
  const [error, setError] = useState<string | null>(null);
  const label = `${row.title ?? t("noTitle")}${row.year ? ` (${row.year})` : ""}`;
  return (
    <li>
      {t("row", { label, file: row.file, line: row.line, reason: row.reason ?? "" })}{" "}
      {!open && (
        <button type="button" className="chip chip-quiet" onClick={() => setOpen(true)}>
          {t.rich("choose", { label, hidden: (chunks) => <span className="visually-hidden">{chunks}</span> })}
        </button>
      )}
      {open && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (query.trim()) void search({ variables: { query: query.trim(), first: 5 } });
          }}
        >
          <label className="field">
            <span>{t("searchFor", { label })}</span>
            <input value={query} onChange={(event) => setQuery(event.target.value)} />
          </label>
          <button type="submit" className="chip">
            {t("search")}
          </button>
          {found.data && (
            <ul aria-label={t("resultsLabel", { label })}>
              {found.data.searchMedia.edges.length === 0 && <li>{t("noMatch")}</li>}
              {found.data.searchMedia.edges.map(({ node }) => (
                <li key={node.id}>
                  <button
                    type="button"
                    className="chip"
                    disabled={resolving.loading}
                    onClick={async () => {
                      setError(null);
                      try {
                        await resolve({ variables: { rowId: row.id, media: { type: node.type, tmdbId: node.tmdbId } } });
                        onResolved();
                      } catch (cause) {
                        setError(reasonOf(cause));
                      }
                    }}
                  >
                    {node.year ? t("pickWithYear", { title: node.title, year: node.year, type: node.type }) : t("pick", { title: node.title })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <FieldError message={error} />
        </form>
      )}
    </li>
  );
}
