// The consent page of the OAuth authorization-code flow: the API's OAuth server sends the browser
// here with the request's id; the signed-in person allows or denies the app, and the browser goes
// back through the OAuth server to the app (with a code, or access_denied).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CompleteOAuthAuthorizationDocument, OAuthAuthorizationRequestDocument } from "../../../../lib/generated/graphql";
import { ApiError, serverGraphql } from "../../../../lib/server-graphql";
import { currentUser } from "../../../../lib/session";
import { ConsentCard, ConsentProblem } from "../../consent-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.authorize");
  return { title: t("title") };
}

export default async function AuthorizePage({ params }: { params: Promise<{ uid: string }> }) {
  const { uid } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(`/oauth/authorize/${uid}`)}`);
  const t = await getTranslations("auth");
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
      // Expired, answered already (a second click, another tab) or the API away: this page again,
      // which says which (ConsentProblem) instead of a crash.
      if (!(error instanceof ApiError)) throw error;
      destination = `/oauth/authorize/${encodeURIComponent(uid)}`;
    }
    redirect(destination);
  }

  return (
    <main id="main" className="page narrow">
      <ConsentCard
        request={request}
        signedInAs={user.email ?? user.name ?? t("consent.you")}
        decide={decide}
        where={request.redirectUri ? new URL(request.redirectUri).host || request.redirectUri : t("consent.aDevice")}
      />
    </main>
  );
}

async function load(uid: string) {
  return (await serverGraphql({ document: OAuthAuthorizationRequestDocument, variables: { uid }, internal: true })).oauthAuthorizationRequest;
}
