"use client";
// Ends every web session of this person (other browsers and devices too), then this one.
import { useMutation } from "@apollo/client/react";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { FieldError } from "../../../components/states";
import { SIGN_OUT_EVERYWHERE } from "../../../lib/graphql";

export function SignOutEverywhere() {
  const [signOutEverywhere, { loading }] = useMutation(SIGN_OUT_EVERYWHERE);
  const [message, setMessage] = useState<string | null>(null);

  async function onClick() {
    setMessage(null);
    try {
      await signOutEverywhere();
    } catch (cause) {
      setMessage(`Could not sign out everywhere: ${(cause as Error).message}`);
      return;
    }
    const { forgetCachedData } = await import("../../../lib/apollo-cache");
    await forgetCachedData();
    await signOut({ redirect: false });
    window.location.assign("/");
  }

  return (
    <section aria-labelledby="sessions-heading" className="panel">
      <h2 id="sessions-heading">Sessions</h2>
      <p>
        Signed in on a device you no longer use, or a shared one? This signs you out in every browser at once. Your API tokens keep working; revoke them above.
      </p>
      <FieldError message={message} />
      <button type="button" className="button" onClick={onClick} disabled={loading}>
        {loading ? "Signing out…" : "Sign out everywhere"}
      </button>
    </section>
  );
}
