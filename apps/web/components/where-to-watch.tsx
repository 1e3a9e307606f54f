"use client";
// A title's "Where to watch" in the person's region (their Settings → Your services, else the
// API's default): streaming, free, rent and buy, each provider with its logo; TMDB's page (from
// JustWatch) links to the offers themselves.
import { useTranslations } from "next-intl";
import { IntentLink } from "./intent-link";
import type { WatchProvider, WhereToWatch as WhereToWatchData } from "../lib/graphql";

const KINDS = ["stream", "free", "rent", "buy"] as const;

function Providers({ providers }: { providers: WatchProvider[] }) {
  return (
    <ul className="providers">
      {providers.map((provider) => (
        <li key={provider.id}>
          {provider.logoUrl && <img src={provider.logoUrl} alt="" width={32} height={32} loading="lazy" />}
          <span>{provider.name}</span>
        </li>
      ))}
    </ul>
  );
}

export function WhereToWatch({ where }: { where: WhereToWatchData }) {
  const t = useTranslations("title.whereToWatch");
  const kinds = KINDS.filter((kind) => where[kind].length > 0);
  return (
    <section aria-labelledby="watch-heading" data-testid="where-to-watch">
      <h2 id="watch-heading">{t("heading", { region: where.region.name })}</h2>
      {where.onMyServices && <p className="badge">{t("onYourServices")}</p>}
      {kinds.length === 0 ? (
        <p className="muted">
          {t.rich("noOffers", { region: where.region.name, link: (chunks) => <IntentLink href="/settings#services-heading">{chunks}</IntentLink> })}
        </p>
      ) : (
        <dl className="watch-offers">
          {kinds.map((kind) => (
            <div key={kind}>
              <dt>{t(kind)}</dt>
              <dd>
                <Providers providers={where[kind]} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {where.link && (
        <p className="muted">
          <a href={where.link} target="_blank" rel="noreferrer">
            {t.rich("allOffers", { hidden: (chunks) => <span className="visually-hidden">{chunks}</span> })}
          </a>{" "}
          {t("dataFrom")}
        </p>
      )}
    </section>
  );
}
