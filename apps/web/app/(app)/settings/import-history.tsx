"use client";
// Settings → Import your history: upload an export file (Letterboxd's ZIP or one of its CSV files,
// or a movierec export), then watch each import's progress. The list comes from the API
// (`imports`), so it survives a reload; it is asked again every second while an import runs.
// Rows that matched no title are listed with why, can be settled by hand (search, pick the title),
// and can be downloaded as CSV.
import { useLazyQuery, useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { FieldError } from "../../../components/states";
import { IMPORT_UNMATCHED_QUERY, IMPORTS_QUERY, type ImportJob, RESOLVE_IMPORT_ROW, SEARCH_QUERY } from "../../../lib/graphql";
import { downloadFile } from "../../../lib/download";

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
  const { data, refetch, startPolling, stopPolling } = useQuery(IMPORTS_QUERY, { fetchPolicy: "cache-and-network" });
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const imports = data?.imports ?? [];
  const running = imports.some((job) => job.status === "QUEUED" || job.status === "RUNNING");

  useEffect(() => {
    if (running) startPolling(1_000);
    else stopPolling();
    return () => stopPolling();
  }, [running, startPolling, stopPolling]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setError("Choose a file first.");
    setError(null);
    setUploading(true);
    try {
      const response = await fetch(`/imports?name=${encodeURIComponent(file.name)}`, {
        method: "POST",
        headers: { "content-type": contentTypeOf(file.name) },
        body: file,
      });
      const body = (await response.json().catch(() => ({}))) as { errors?: Array<{ message: string }> };
      if (!response.ok) setError(body.errors?.[0]?.message ?? `The upload failed (HTTP ${response.status}).`);
      else {
        if (input.current) input.current.value = "";
        await refetch();
      }
    } catch (cause) {
      setError(`The upload did not reach movierec: ${(cause as Error).message}. Check your connection and try again.`);
    } finally {
      setUploading(false);
    }
  }

  return (
    <section aria-labelledby="import-heading" className="panel">
      <h2 id="import-heading">Import your history</h2>
      <p>
        Bring what you have logged elsewhere: Letterboxd’s export (Settings → Data → Export your data; upload the ZIP as it is) or a movierec export. Ratings,
        watched films, your watchlist and likes come in; titles are matched by name and year, and anything we cannot match is listed below.
      </p>
      <form onSubmit={onSubmit} className="stack">
        <label className="field">
          <span>Export file (.zip, .csv or .json, up to 20 MB)</span>
          <input ref={input} name="file" type="file" accept=".zip,.csv,.json" />
        </label>
        <FieldError message={error} />
        <button type="submit" className="button" disabled={uploading}>
          {uploading ? "Uploading…" : "Import"}
        </button>
      </form>
      {imports.length > 0 && (
        <ul className="stack imports" aria-label="Your imports">
          {imports.map((job) => (
            <ImportProgress key={job.id} job={job} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ImportProgress({ job }: { job: ImportJob }) {
  const done = job.status === "DONE" || job.status === "FAILED";
  const read = job.rowsMatched + job.rowsMissed;
  const [loadUnmatched, unmatched] = useLazyQuery(IMPORT_UNMATCHED_QUERY, { fetchPolicy: "no-cache" });
  const rows = unmatched.data?.import.unmatched.edges.map((edge) => edge.node) ?? [];
  return (
    <li className="import" data-testid="import">
      <p>
        <strong>{job.fileName}</strong> <span className="muted">({SOURCES[job.source]})</span>
      </p>
      <progress max={Math.max(job.rowsTotal, 1)} value={done ? job.rowsTotal : read} aria-label={`Import of ${job.fileName}`} />
      <p role="status" data-testid="import-status">
        {job.status === "QUEUED"
          ? `Waiting to start: ${job.rowsTotal} rows.`
          : job.status === "RUNNING"
            ? `${read} of ${job.rowsTotal} rows matched or checked, ${job.rowsApplied} added.`
            : job.status === "DONE"
              ? `Done: ${job.rowsApplied} of ${job.rowsTotal} rows added${job.rowsMissed ? `, ${job.rowsMissed} not matched` : ""}.`
              : `Failed: ${job.error ?? "unknown error"}`}
      </p>
      {job.status === "DONE" && job.error && <p className="muted">{job.error}</p>}
      {done && job.rowsMissed > 0 && (
        <div className="stack">
          {!unmatched.data && (
            <button type="button" className="chip" onClick={() => void loadUnmatched({ variables: { id: job.id } })}>
              Show the rows not matched
            </button>
          )}
          {rows.length > 0 && (
            <>
              <ul className="unmatched" aria-label={`Rows of ${job.fileName} not matched`}>
                {rows.map((row) => (
                  <UnmatchedRow key={row.id} row={row} onResolved={() => void unmatched.refetch()} />
                ))}
              </ul>
              <button
                type="button"
                className="chip"
                onClick={() => downloadFile(`${job.fileName}-not-matched.csv`, "text/csv", unmatched.data!.import.unmatchedCsv)}
              >
                Download all {job.rowsMissed} as CSV
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
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState(row.title ?? "");
  const [search, found] = useLazyQuery(SEARCH_QUERY, { fetchPolicy: "network-only" });
  const [resolve, resolving] = useMutation(RESOLVE_IMPORT_ROW, { refetchQueries: [IMPORTS_QUERY] });
  const [error, setError] = useState<string | null>(null);
  const label = `${row.title ?? "(no title)"}${row.year ? ` (${row.year})` : ""}`;
  return (
    <li>
      {label} — {row.file} line {row.line}: {row.reason}{" "}
      {!open && (
        <button type="button" className="chip chip-quiet" onClick={() => setOpen(true)}>
          Choose the title<span className="visually-hidden"> for {label}</span>
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
            <span>Search for {label}</span>
            <input value={query} onChange={(event) => setQuery(event.target.value)} />
          </label>
          <button type="submit" className="chip">
            Search
          </button>
          {found.data && (
            <ul aria-label={`Titles that may be ${label}`}>
              {found.data.searchMedia.edges.length === 0 && <li>No titles match.</li>}
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
                        setError((cause as Error).message);
                      }
                    }}
                  >
                    It is {node.title}
                    {node.year ? ` (${node.year}, ${node.type === "TV" ? "series" : "film"})` : ""}
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
