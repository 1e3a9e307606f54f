// Home as the server knows it: the heading and the first row of top picks (poster, title, facts, the
// first reason), fetched by the page with the visitor's own session and rendered into the document,
// in the same places and sizes as the full page's. It shows while the browser-side view starts and
// asks for the whole page, so the first posters download with the document instead of after the
// JavaScript and a GraphQL round trip (Lighthouse's LCP; bench/README.md), and the full page takes
// its place without moving it. Renders on the server and in the browser (home-view.tsx shows it
// until its own answer comes).
import { useTranslations } from "next-intl";
import { CardStandIn } from "../../../components/card-stand-in";
import { OnMyServicesToggle } from "../../../components/on-my-services";

export interface HomePreviewItem {
  id: string;
  type: "MOVIE" | "TV";
  tmdbId: number;
  title: string;
  year?: number | null;
  posterUrl?: string | null;
  voteAverage?: number | null;
  reason?: string | null;
}

export interface HomePreviewData {
  items: HomePreviewItem[];
  /** Settings names services: the view shows "Only on my services" above the rows. */
  servicesToggle: boolean;
  /** A new profile: the view says the picks are still general. */
  coldStart: boolean;
}

/** How many cards the first row shows in the document: more than a wide screen shows at once. */
export const PREVIEW_CARDS = 8;

export function HomePreview({ preview }: { preview: HomePreviewData }) {
  const t = useTranslations("home");
  const tShelf = useTranslations("cards.shelf");
  const topPicks = t("shelves.topPicks");
  return (
    <div aria-busy="true" className="home-preview" data-testid="home-preview">
      <h1>{t("heading")}</h1>
      <span className="visually-hidden" role="status">
        {t("loading")}
      </span>
      {preview.servicesToggle && <OnMyServicesToggle checked={false} />}
      {preview.coldStart && <p className="muted">{t("coldStart")}</p>}
      <section className="shelf" aria-labelledby="home-preview-top-picks">
        <div className="shelf-head">
          <h2 id="home-preview-top-picks">{topPicks}</h2>
          {/* The row's scroll buttons, as the full page has them (they work once it has loaded). */}
          <div className="shelf-scroll">
            <button type="button" className="icon-button" disabled aria-label={tShelf("scrollBack", { title: topPicks })}>
              <span aria-hidden="true">‹</span>
            </button>
            <button type="button" className="icon-button" disabled aria-label={tShelf("scrollOn", { title: topPicks })}>
              <span aria-hidden="true">›</span>
            </button>
          </div>
        </div>
        <ul className="shelf-row" aria-labelledby="home-preview-top-picks">
          {preview.items.map((media, index) => (
            <CardStandIn key={media.id} media={media} reasons={media.reason ? [media.reason] : []} index={index} />
          ))}
        </ul>
      </section>
    </div>
  );
}
