// The title's hero as the server knows it (name, year, poster, backdrop), in the same place and sizes
// as the full page's: what the document shows while the browser-side view starts and its data loads,
// so the page's largest image starts downloading with the document instead of after the JavaScript
// and a GraphQL round trip (Lighthouse's LCP; bench/README.md). Renders on the server and in the browser.
import { useTranslations } from "next-intl";
import { Poster } from "../../../../../components/poster";

export interface TitlePreview {
  title: string;
  year?: number | null;
  posterUrl?: string | null;
  backdropUrl?: string | null;
  /** The original language as the server named it in the interface's language (page.tsx). */
  language?: { code: string | null; name: string };
}

export function TitleHeroPreview({ preview }: { preview: TitlePreview }) {
  const t = useTranslations("title");
  return (
    <div role="status" aria-busy="true" className="title-page title-preview" data-testid="title-preview">
      <span className="visually-hidden">{t("loadingNamed", { title: preview.title })}</span>
      <div className="backdrop" aria-hidden="true">
        {preview.backdropUrl && <img src={preview.backdropUrl} alt="" width={1280} height={720} fetchPriority="high" />}
      </div>
      <div className="title-layout">
        <Poster url={preview.posterUrl ?? null} title={preview.title} className="poster title-poster" eager />
        <div className="stack grow">
          <p className="h1" aria-hidden="true">
            {preview.title} {preview.year && <span className="muted">({preview.year})</span>}
          </p>
          <div className="skeleton skeleton-line short" />
        </div>
      </div>
    </div>
  );
}
