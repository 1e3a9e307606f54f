"use client";
// "Only on my services": the switch Home and Browse show once Settings → Your services names a
// region and at least one service (the API's availableToMe filter).
import { useTranslations } from "next-intl";
import type { Preferences } from "../lib/graphql";

export const hasServices = (preferences: Pick<Preferences, "watchRegion" | "streamingServiceIds"> | null | undefined) =>
  Boolean(preferences?.watchRegion && preferences.streamingServiceIds.length);

export function OnMyServicesToggle({ checked, onChange }: { checked: boolean; onChange: (next: boolean) => void }) {
  const t = useTranslations("common.onMyServices");
  return (
    <label className="choice on-my-services">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>{t("label")}</span>
    </label>
  );
}
