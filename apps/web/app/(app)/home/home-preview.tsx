// Home as the server knows it: the heading and the first row of top picks (poster, title, facts, the
// first reason), fetched by the page with the visitor's own session and rendered into the document,
// in the same places and sizes as the full page's. It shows while the browser-side view starts and
// asks for the whole page, so the first posters download with the document instead of after the
// JavaScript and a GraphQL round trip (Lighthouse's LCP; bench/README.md), and the full page takes
// its place without moving it. Renders on the server and in the browser (home-view.tsx shows it
// until its own answer comes).
import { useFormatter, useTranslations } from "next-intl";
import { Poster } from "../../../components/poster";
import { ONE_DECIMAL, cardFacts } from "../../../lib/card-facts";

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

/** How many cards the first row shows in the document: more than a wide screen shows at once. */
export const PREVIEW_CARDS = 8;
/** The posters that load at once (those of a phone's first screen), the first with high priority. */
const EAGER_POSTERS = 3;

export function HomePreview({ items }: { items: HomePreviewItem[] }) {
  const t = useTranslations("home");
  const tCard = useTranslations("cards.mediaCard");
  const tMenu = useTranslations("cards.menu");
  const tShelf = useTranslations("cards.shelf");
  const format = useFormatter();
  const topPicks = t("shelves.topPicks");
  return (
    <div aria-busy="true" className="home-preview" data-testid="home-preview">
      <h1>{t("heading")}</h1>
      <span className="visually-hidden" role="status">
        {t("loading")}
      </span>
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
          {items.map((media, index) => (
            <li key={media.id} className="card">
              <a href={`/title/${media.type.toLowerCase()}/${media.tmdbId}`} className="card-link">
                <Poster url={media.posterUrl ?? null} title={media.title} eager={index < EAGER_POSTERS} priority={index === 0} />
                <span className="card-title">{media.title}</span>
              </a>
              <p className="card-meta">{cardFacts(media, { film: tCard("film"), series: tCard("series") }, (value) => format.number(value, ONE_DECIMAL))}</p>
              {media.reason && (
                <ul className="reasons" aria-label={tCard("whyRecommended", { title: media.title })}>
                  <li>{media.reason}</li>
                </ul>
              )}
              <div className="card-actions">
                <button type="button" className="chip chip-primary" disabled aria-label={tCard("watchlistFor", { title: media.title })}>
                  <span aria-hidden="true">+</span> {tCard("watchlist")}
                </button>
                <button type="button" className="icon-button card-more" disabled aria-label={tMenu("moreActionsFor", { title: media.title })}>
                  <span aria-hidden="true">⋯</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
