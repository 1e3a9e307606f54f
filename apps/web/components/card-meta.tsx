// A card's line of facts under its title ("Film · 2008 · ★ 8.5 · ★★★½ · ♥"): the kind, year and
// TMDB's rating, then the person's own stars and favourite. Shared by the cards (media-card.tsx) and
// the server's stand-ins (card-stand-in.tsx), which must read, wrap and measure the same. Renders on
// the server and in the browser.
import { useLocale, useTranslations } from "next-intl";
import { cardFacts } from "../lib/card-facts";
import { starGlyphs, starsLabel } from "../lib/stars";

export interface CardMetaFields {
  type: "MOVIE" | "TV";
  year?: number | null;
  voteAverage?: number | null;
  myRating?: number | null;
  isFavourite?: boolean | null;
}

export function CardMeta({ media }: { media: CardMetaFields }) {
  const t = useTranslations("cards.mediaCard");
  const tStars = useTranslations("common.stars");
  const locale = useLocale();
  const rated = media.myRating != null ? starsLabel(media.myRating, tStars) : "";
  return (
    <p className="card-meta">
      {cardFacts(media, { film: t("film"), series: t("series") }, locale)}
      {media.myRating != null && (
        <>
          {" · "}
          <span className="card-rating" title={t("youRatedIt", { stars: rated })}>
            <span aria-hidden="true">{t("yourStars", { glyphs: starGlyphs(media.myRating) })}</span>
            <span className="visually-hidden">{t("youRatedIt", { stars: rated })}</span>
          </span>
        </>
      )}
      {media.isFavourite && (
        <>
          {" · "}
          <span className="card-favourite" title={t("inFavourites")}>
            <span aria-hidden="true">♥</span>
            <span className="visually-hidden">{t("inFavourites")}</span>
          </span>
        </>
      )}
    </p>
  );
}
