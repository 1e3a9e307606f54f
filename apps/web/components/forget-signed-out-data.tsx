"use client";
// A page rendered for nobody signed in removes what this browser keeps of whoever was signed in
// (lib/persisted-data.ts): the session may have ended elsewhere ("Sign out everywhere", a password
// change, the account deleted from a phone), so this browser's own sign-out, which removes it, never
// ran. On a shared computer, the next person would otherwise find the last one's lists and ratings
// in localStorage until someone signed in here.
import { useEffect } from "react";
import { removePersistedCaches } from "../lib/persisted-data";

export function ForgetSignedOutData() {
  useEffect(() => {
    try {
      removePersistedCaches();
    } catch {
      // Storage refused (a privacy mode): nothing was kept either.
    }
  }, []);
  return null;
}
