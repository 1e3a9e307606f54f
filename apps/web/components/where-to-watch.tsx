"use client";
// A title's "Where to watch" in the person's region (their Settings → Your services, else the
// API's default): streaming, free, rent and buy, each provider with its logo; TMDB's page (from
// JustWatch) links to the offers themselves.
import Link from "next/link";
import type { WatchProvider, WhereToWatch as WhereToWatchData } from "../lib/graphql";

const KINDS = [
  ["stream", "Stream"],
  ["free", "Free"],
  ["rent", "Rent"],
  ["buy", "Buy"],
] as const;

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
  const kinds = KINDS.filter(([kind]) => where[kind].length > 0);
  return (
    <section aria-labelledby="watch-heading" data-testid="where-to-watch">
      <h2 id="watch-heading">Where to watch in {where.region.name}</h2>
      {where.onMyServices && <p className="badge">On your services</p>}
      {kinds.length === 0 ? (
        <p className="muted">
          No streaming, rental or purchase offers known in {where.region.name}. <Link href="/settings#services-heading">Change your region</Link>
        </p>
      ) : (
        <dl className="watch-offers">
          {kinds.map(([kind, label]) => (
            <div key={kind}>
              <dt>{label}</dt>
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
            All offers on TMDB<span className="visually-hidden"> (opens in a new tab)</span>
          </a>{" "}
          · data from JustWatch
        </p>
      )}
    </section>
  );
}
