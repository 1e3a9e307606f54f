"use client";
// Settings → Export your data: everything as a movierec file (import it here or into another
// account), or Letterboxd's import columns (films watched, rated or liked; the watchlist).
import { useLazyQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError } from "../../../components/states";
import { downloadFile } from "../../../lib/download";
import { EXPORT_DATA_QUERY } from "../../../lib/graphql";

type Format = "MOVIEREC_JSON" | "LETTERBOXD_FILMS_CSV" | "LETTERBOXD_WATCHLIST_CSV";

const CHOICES: Array<[Format, "everything" | "letterboxdFilms" | "letterboxdWatchlist"]> = [
  ["MOVIEREC_JSON", "everything"],
  ["LETTERBOXD_FILMS_CSV", "letterboxdFilms"],
  ["LETTERBOXD_WATCHLIST_CSV", "letterboxdWatchlist"],
];

export function ExportData() {
  const t = useTranslations("settings.exportData");
  const [exportData, { loading }] = useLazyQuery(EXPORT_DATA_QUERY, { fetchPolicy: "no-cache" });
  const [error, setError] = useState<string | null>(null);

  async function download(format: Format) {
    setError(null);
    const result = await exportData({ variables: { format } }).catch((cause: Error) => ({ data: undefined, error: cause }));
    const file = result.data?.exportData;
    if (!file) return setError(t("failed", { reason: result.error?.message ?? t("noAnswer") }));
    downloadFile(file.fileName, file.contentType, file.content);
  }

  return (
    <section aria-labelledby="export-heading" className="panel">
      <h2 id="export-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <FieldError message={error} />
      <div className="card-actions">
        {CHOICES.map(([format, key]) => (
          <button key={format} type="button" className="button" disabled={loading} onClick={() => void download(format)}>
            {t(`formats.${key}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
