import type { Metadata } from "next";
import { SignedInApp } from "../../../components/signed-in-app";
import { SettingsView } from "./settings-view";

export const metadata: Metadata = { title: "Settings" };

export default function Page() {
  return (
    <SignedInApp>
      <SettingsView />
    </SignedInApp>
  );
}
