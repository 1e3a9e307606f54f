// What a third-party app asks for, shown to the signed-in person on the consent page
// (/oauth/authorize/<uid>) and the device page (/activate), with Allow and Deny. The buttons
// submit a server action, which answers the API as the web server (lib/server-graphql.ts).
import { useTranslations } from "next-intl";
import type { OAuthRequestFieldsFragment, TokenScope } from "../../lib/generated/graphql";

/** Each scope's line in auth.consent.scopes. */
const SCOPE_KEY = { READ: "read", WRITE: "write" } as const satisfies Record<TokenScope, string>;

export function ConsentCard({
  request,
  signedInAs,
  decide,
  where,
}: {
  request: OAuthRequestFieldsFragment;
  signedInAs: string;
  decide: (formData: FormData) => Promise<void>;
  /** Where the app runs: its redirect URI's host, or "a device" (auth.consent.aDevice). */
  where: string;
}) {
  const t = useTranslations("auth.consent");
  return (
    <section className="panel stack" aria-labelledby="consent-heading">
      <h1 id="consent-heading">{t("heading", { app: request.appName })}</h1>
      <p className="muted">
        {t.rich("about", { app: request.appName, developer: request.developer, where, account: signedInAs, strong: (text) => <strong>{text}</strong> })}
      </p>
      <h2>{t("abilitiesHeading")}</h2>
      <ul>
        {request.scopes.map((scope) => (
          <li key={scope}>{t(`scopes.${SCOPE_KEY[scope]}`)}</li>
        ))}
      </ul>
      <p className="muted">{t("reassurance")}</p>
      <form action={decide} className="actions">
        <button type="submit" name="decision" value="allow" className="button button-primary">
          {t("allow")}
        </button>
        <button type="submit" name="decision" value="deny" className="button">
          {t("deny")}
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
