// Browse as the server knows it: the heading, the filter form (disabled) and the first cards of the
// address's filters, fetched by the page with the visitor's own session and rendered into the
// document in the same places and sizes as the view's. It shows while the browser-side view starts;
// the view keeps the cards (BrowseStandInCards) until its own first page answers, so the first
// posters download with the document instead of after the JavaScript and a GraphQL round trip
// (Lighthouse's LCP; bench/README.md), and nothing moves when the real grid takes their place.
// Renders on the server and in the browser.
import { useTranslations } from "next-intl";
import { CardStandIn, type StandInMedia } from "../../../components/card-stand-in";
import type { GenresByType } from "../../../lib/genres";
import { BrowseControls } from "./browse-controls";
import type { BrowseFilters } from "./browse-filters";

/** How many cards the document holds: more than a wide screen's first rows. */
export const STAND_IN_CARDS = 12;

export interface BrowseStandIn {
  /** The `browse` arguments the cards answer (JSON): the view shows them only for the same filters. */
  asked: string;
  items: StandInMedia[];
  genres: GenresByType;
  servicesToggle: boolean;
}

export function BrowseStandInCards({ items }: { items: StandInMedia[] }) {
  const t = useTranslations("browse");
  return (
    <div aria-busy="true" data-testid="browse-stand-in">
      <span className="visually-hidden" role="status">
        {t("loading")}
      </span>
      <ul className="card-grid" aria-label={t("results")}>
        {items.map((media, index) => (
          <CardStandIn key={media.id} media={media} index={index} />
        ))}
      </ul>
    </div>
  );
}

export function BrowsePreview({ standIn, filters }: { standIn: BrowseStandIn; filters: BrowseFilters }) {
  const t = useTranslations("browse");
  return (
    <div data-testid="browse-preview">
      <h1>{t("heading")}</h1>
      <BrowseControls
        filters={filters}
        genres={standIn.genres}
        typedFrom={filters.yearFrom === null ? "" : String(filters.yearFrom)}
        typedTo={filters.yearTo === null ? "" : String(filters.yearTo)}
        servicesToggle={standIn.servicesToggle}
      />
      <BrowseStandInCards items={standIn.items} />
    </div>
  );
}
