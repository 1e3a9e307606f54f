"use client";
// Settings → Export your data: everything as a movierec file (import it here or into another
// account), or Letterboxd's import columns (films watched, rated or liked; the watchlist).
import { useLazyQuery } from "@apollo/client/react";
import { useState } from "react";
import { FieldError } from "../../../components/states";
import { downloadFile } from "../../../lib/download";
import { EXPORT_DATA_QUERY } from "../../../lib/graphql";

type Format = "MOVIEREC_JSON" | "LETTERBOXD_FILMS_CSV" | "LETTERBOXD_WATCHLIST_CSV";

const CHOICES: Array<[Format, string]> = [
  ["MOVIEREC_JSON", "Everything (movierec JSON)"],
  ["LETTERBOXD_FILMS_CSV", "Films for Letterboxd (CSV)"],
  ["LETTERBOXD_WATCHLIST_CSV", "Watchlist for Letterboxd (CSV)"],
];

export function ExportData() {
  const [exportData, { loading }] = useLazyQuery(EXPORT_DATA_QUERY, { fetchPolicy: "no-cache" });
  const [error, setError] = useState<string | null>(null);

  async function download(format: Format) {
    setError(null);
    const result = await exportData({ variables: { format } }).catch((cause: Error) => ({ data: undefined, error: cause }));
    const file = result.data?.exportData;
    if (!file) return setError(`Could not export: ${result.error?.message ?? "no answer"}`);
    downloadFile(file.fileName, file.contentType, file.content);
  }

  return (
    <section aria-labelledby="export-heading" className="panel">
      <h2 id="export-heading">Export your data</h2>
      <p>
        Your favourites, watchlist, watched titles, ratings, dismissals, preferences and import history. The movierec file can be imported back here or into
        another account; Letterboxd’s importer takes the CSV files (films only).
      </p>
      <FieldError message={error} />
      <div className="card-actions">
        {CHOICES.map(([format, label]) => (
          <button key={format} type="button" className="button" disabled={loading} onClick={() => void download(format)}>
            {label}
          </button>
        ))}
      </div>
    </section>
  );
}
