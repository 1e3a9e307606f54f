"use client";
// "Only on my services": the switch Home and Browse show once Settings → Your services names a
// region and at least one service (the API's availableToMe filter).
import type { Preferences } from "../lib/graphql";

export const hasServices = (preferences: Pick<Preferences, "watchRegion" | "streamingServiceIds"> | null | undefined) =>
  Boolean(preferences?.watchRegion && preferences.streamingServiceIds.length);

export function OnMyServicesToggle({ checked, onChange }: { checked: boolean; onChange: (next: boolean) => void }) {
  return (
    <label className="choice on-my-services">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>Only on my services</span>
    </label>
  );
}
