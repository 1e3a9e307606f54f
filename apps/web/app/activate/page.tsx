// The device flow's verification page (RFC 8628): a CLI or a TV shows a code and this address; the
// signed-in person types the code (or follows the link with it filled in), sees which app asks for
// what, and allows or denies it. The device's next poll gets its tokens.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CompleteOAuthDeviceDocument, OAuthDeviceRequestDocument } from "../../lib/generated/graphql";
import { ApiError, serverGraphql } from "../../lib/server-graphql";
import { currentEmail, currentUser } from "../../lib/session";
import { ConsentCard } from "../oauth/consent-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.activate");
  return { title: t("title") };
}

type Search = { code?: string; done?: string };

export default async function ActivatePage({ searchParams }: { searchParams: Promise<Search> }) {
  const { code, done } = await searchParams;
  const here = `/activate${code ? `?code=${encodeURIComponent(code)}` : ""}`;
  const user = await currentUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(here)}`);
  const t = await getTranslations("auth");

  if (done) {
    const outcome = done === "allowed" ? "allowed" : "denied";
    return (
      <main id="main" className="page narrow">
        <section className="panel stack" role="status">
          <h1>{t(`activate.${outcome}.heading`)}</h1>
          <p>{t(`activate.${outcome}.body`)}</p>
        </section>
      </main>
    );
  }

  const form = (problem?: string) => (
    <main id="main" className="page narrow">
      <section className="panel stack" aria-labelledby="activate-heading">
        <h1 id="activate-heading">{t("activate.heading")}</h1>
        <p>{t("activate.intro")}</p>
        <form method="get" action="/activate" className="stack">
          <label className="field">
            <span>{t("activate.code")}</span>
            <input name="code" type="text" required autoComplete="one-time-code" autoCapitalize="characters" placeholder="BCDF-GHJK" defaultValue={code} />
          </label>
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="button button-primary">
            {t("activate.continue")}
          </button>
        </form>
      </section>
    </main>
  );
  if (!code) return form();

  // Asked alongside the request: the email the API has now (the session's may be from before a change).
  const email = currentEmail(user);
  let request: Awaited<ReturnType<typeof load>>;
  try {
    request = await load(code, user.id);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return form(error.message);
  }

  async function decide(formData: FormData) {
    "use server";
    const signedIn = await currentUser();
    if (!signedIn || !code) redirect(`/signin?next=${encodeURIComponent(here)}`);
    const approve = formData.get("decision") === "allow";
    try {
      await serverGraphql({ document: CompleteOAuthDeviceDocument, variables: { userCode: code, userId: signedIn.id, approve }, internal: true });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      redirect(`/activate?code=${encodeURIComponent(code)}`);
    }
    redirect(`/activate?done=${approve ? "allowed" : "denied"}`);
  }

  return (
    <main id="main" className="page narrow">
      <ConsentCard request={request} signedInAs={(await email) ?? user.name ?? t("consent.you")} decide={decide} where={t("consent.aDevice")} />
    </main>
  );
}

async function load(code: string, userId: string) {
  return (await serverGraphql({ document: OAuthDeviceRequestDocument, variables: { userCode: code, userId }, internal: true })).oauthDeviceRequest;
}
