import Link from "next/link";
import { redirect } from "next/navigation";
import { Poster } from "../components/poster";
import { LandingDocument, type LandingQuery, type ShelfFragment } from "../lib/generated/graphql";
import { serverGraphql } from "../lib/server-graphql";
import { currentUser } from "../lib/session";

type Shelf = ShelfFragment;

async function loadShelves(): Promise<LandingQuery | null> {
  try {
    return await serverGraphql({ document: LandingDocument });
  } catch {
    return null; // the landing page still explains the product when the API is down
  }
}

function ShelfList({ id, title, items }: { id: string; title: string; items: Shelf[] }) {
  return (
    <section aria-labelledby={id} className="shelf">
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">Titles appear here as the catalogue fills. Try again in a moment.</p>
      ) : (
        <ul className="shelf-row" aria-labelledby={id}>
          {items.map((media) => (
            <li key={media.id} className="card">
              <Link href={`/title/${media.type.toLowerCase()}/${media.tmdbId}`} className="card-link">
                <Poster url={media.posterUrl} title={media.title} />
                <span className="card-title">{media.title}</span>
              </Link>
              <p className="card-meta">
                {media.year ?? "—"}
                {media.voteAverage != null ? ` · ★ ${media.voteAverage.toFixed(1)}` : ""}
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
  const [shelves, { account }] = await Promise.all([loadShelves(), searchParams]);
  return (
    <main id="main" className="page">
      {account === "deleted" && (
        <p role="status" className="notice">
          Your account and everything in it have been deleted.
        </p>
      )}
      <section className="hero">
        <h1>movierec</h1>
        <p className="lead">
          Films and series picked for you, with the reasons why. Tell movierec the genres, languages, eras and titles you love; it ranks what to watch next and
          says why each pick is there.
        </p>
        <ul className="feature-list">
          <li>Personal recommendations that explain themselves (“Because you liked Heat”).</li>
          <li>A watchlist and favourites that follow you, plus browse and search across films and series.</li>
          <li>A GraphQL API with personal tokens for your own tools.</li>
        </ul>
        <p className="hero-actions">
          <Link href="/signup" className="button button-primary">
            Create your free account
          </Link>
          <Link href="/signin" className="button">
            Sign in
          </Link>
        </p>
      </section>
      {shelves ? (
        <>
          <ShelfList id="popular" title="Popular now" items={shelves.popular.edges.map((edge) => edge.node)} />
          <ShelfList id="top-rated" title="Top rated" items={shelves.topRated.edges.map((edge) => edge.node)} />
        </>
      ) : (
        <p className="notice">Popular titles could not be loaded right now.</p>
      )}
    </main>
  );
}
