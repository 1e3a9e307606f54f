// The consent page of the OAuth authorization-code flow: the API's OAuth server sends the browser
// here with the request's id; the signed-in person allows or denies the app, and the browser goes
// back through the OAuth server to the app (with a code, or access_denied).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CompleteOAuthAuthorizationDocument, OAuthAuthorizationRequestDocument } from "../../../../lib/generated/graphql";
import { ApiError, serverGraphql } from "../../../../lib/server-graphql";
import { currentEmail, currentUser } from "../../../../lib/session";
import { ConsentCard, ConsentProblem } from "../../consent-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.authorize");
  return { title: t("title") };
}

export default async function AuthorizePage({
  params,
  searchParams,
}: {
  params: Promise<{ uid: string }>;
  searchParams: Promise<{ failed?: string | string[] }>;
}) {
  const { uid } = await params;
  // The last answer did not go through while the request is still open: said in our words (never
  // words from the address), above the card, so the person can answer again.
  const failed = (await searchParams).failed !== undefined;
  const user = await currentUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(`/oauth/authorize/${uid}`)}`);
  const t = await getTranslations("auth");
  // Asked alongside the request: the email the API has now (the session's may be from before a change).
  const email = currentEmail(user);
  let request: Awaited<ReturnType<typeof load>>;
  try {
    request = await load(uid);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return (
      <main id="main" className="page narrow">
        <ConsentProblem title={t("authorize.cannotAnswer")} message={error.message} />
      </main>
    );
  }

  async function decide(formData: FormData) {
    "use server";
    const signedIn = await currentUser();
    if (!signedIn) redirect(`/signin?next=${encodeURIComponent(`/oauth/authorize/${uid}`)}`);
    let destination: string;
    try {
      destination = (
        await serverGraphql({
          document: CompleteOAuthAuthorizationDocument,
          variables: { uid, userId: signedIn.id, approve: formData.get("decision") === "allow" },
          internal: true,
        })
      ).completeOAuthAuthorization;
    } catch (error) {
      // The API refused the answer (expired, or settled already in another tab):
      // this page again, which says so (ConsentProblem once the request is gone, else a line above
      // the card) instead of a crash. A network failure is no ApiError: app/oauth/error.tsx shows it.
      if (!(error instanceof ApiError)) throw error;
      destination = `/oauth/authorize/${encodeURIComponent(uid)}?failed=1`;
    }
    redirect(destination);
  }

  return (
    <main id="main" className="page narrow">
      {failed && (
        <p className="notice notice-error" role="alert">
          {t("authorize.notSaved")}
        </p>
      )}
      <ConsentCard
        request={request}
        signedInAs={(await email) ?? user.name ?? t("consent.you")}
        decide={decide}
        where={request.redirectUri ? new URL(request.redirectUri).host || request.redirectUri : t("consent.aDevice")}
      />
    </main>
  );
}

async function load(uid: string) {
  return (await serverGraphql({ document: OAuthAuthorizationRequestDocument, variables: { uid }, internal: true })).oauthAuthorizationRequest;
}
