import { IntentLink } from "../components/intent-link";
import { redirect } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { Poster } from "../components/poster";
import { ratingText } from "../lib/number-text";
import { LandingDocument, type LandingQuery, type ShelfFragment } from "../lib/generated/graphql";
import { serverGraphql } from "../lib/server-graphql";
import { currentUser } from "../lib/session";

type Shelf = ShelfFragment;

async function loadShelves(): Promise<LandingQuery | null> {
  try {
    return await serverGraphql({ document: LandingDocument, locale: await getLocale() });
  } catch {
    return null; // the landing page still explains the product when the API is down
  }
}

function ShelfList({ id, title, items }: { id: string; title: string; items: Shelf[] }) {
  const t = useTranslations("landing.shelves");
  const locale = useLocale();
  return (
    <section aria-labelledby={id} className="shelf">
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ul className="shelf-row" aria-labelledby={id}>
          {items.map((media) => (
            <li key={media.id} className="card">
              <IntentLink href={`/title/${media.type.toLowerCase()}/${media.tmdbId}`} className="card-link">
                <Poster url={media.posterUrl} title={media.title} />
                <span className="card-title">{media.title}</span>
              </IntentLink>
              <p className="card-meta">
                {media.year ?? "—"}
                {media.voteAverage != null ? ` · ★ ${ratingText(media.voteAverage, locale)}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function LandingPage({ searchParams }: { searchParams: Promise<{ account?: string | string[] }> }) {
  if (await currentUser()) redirect("/home");
  const [shelves, { account }, t] = await Promise.all([loadShelves(), searchParams, getTranslations("landing")]);
  return (
    <main id="main" className="page">
      {account === "deleted" && (
        <p role="status" className="notice">
          {t("accountDeleted")}
        </p>
      )}
      <section className="hero">
        <h1>movierec</h1>
        <p className="lead">{t("hero.lead")}</p>
        <ul className="feature-list">
          <li>{t("hero.features.explained")}</li>
          <li>{t("hero.features.lists")}</li>
          <li>{t("hero.features.api")}</li>
        </ul>
        <p className="hero-actions">
          <IntentLink href="/signup" className="button button-primary">
            {t("hero.createAccount")}
          </IntentLink>
          <IntentLink href="/signin" className="button">
            {t("hero.signIn")}
          </IntentLink>
        </p>
      </section>
      {shelves ? (
        <>
          <ShelfList id="popular" title={t("shelves.popular")} items={shelves.popular.edges.map((edge) => edge.node)} />
          <ShelfList id="top-rated" title={t("shelves.topRated")} items={shelves.topRated.edges.map((edge) => edge.node)} />
        </>
      ) : (
        <p className="notice">{t("shelves.unavailable")}</p>
      )}
    </main>
  );
}
