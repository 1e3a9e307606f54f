import Link from "next/link";

/** An unknown title (page.tsx calls notFound() when the API answers NOT_FOUND): what happened, and where to go instead. */
export default function TitleNotFound() {
  return (
    <>
      <h1>Title not found</h1>
      <div className="notice">
        <p>There is no film or series at this address: TMDB may have removed it, or the link is mistyped.</p>
        <p>
          <Link className="button button-primary" href="/search">
            Search for a title
          </Link>{" "}
          <Link className="button" href="/browse">
            Browse
          </Link>
        </p>
      </div>
    </>
  );
}
