// What a third-party app asks for, shown to the signed-in person on the consent page
// (/oauth/authorize/<uid>) and the device page (/activate), with Allow and Deny. The buttons
// submit a server action, which answers the API as the web server (lib/server-graphql.ts).
import type { OAuthRequestFieldsFragment, TokenScope } from "../../lib/generated/graphql";

const SCOPE_TEXT: Record<TokenScope, string> = {
  READ: "See your ratings, favourites, watchlist, preferences and recommendations",
  WRITE: "Change them: rate, add and remove titles, update your preferences",
};

export function ConsentCard({
  request,
  signedInAs,
  decide,
  where,
}: {
  request: OAuthRequestFieldsFragment;
  signedInAs: string;
  decide: (formData: FormData) => Promise<void>;
  /** Where the app runs: its redirect URI's host, or "a device". */
  where: string;
}) {
  return (
    <section className="panel stack" aria-labelledby="consent-heading">
      <h1 id="consent-heading">Allow {request.appName} into your movierec account?</h1>
      <p className="muted">
        {request.appName} is made by {request.developer}, not by movierec, and runs on {where}. You are signed in as <strong>{signedInAs}</strong>.
      </p>
      <h2>It will be able to</h2>
      <ul>
        {request.scopes.map((scope) => (
          <li key={scope}>{SCOPE_TEXT[scope]}</li>
        ))}
      </ul>
      <p className="muted">It never sees your password. You can take its access away at any time in Settings → Apps.</p>
      <form action={decide} className="actions">
        <button type="submit" name="decision" value="allow" className="button button-primary">
          Allow
        </button>
        <button type="submit" name="decision" value="deny" className="button">
          Deny
        </button>
      </form>
    </section>
  );
}

/** The page shown when a request cannot be answered (expired, already answered, unknown code). */
export function ConsentProblem({ title, message }: { title: string; message: string }) {
  return (
    <section className="panel stack" role="alert">
      <h1>{title}</h1>
      <p>{message}</p>
    </section>
  );
}
