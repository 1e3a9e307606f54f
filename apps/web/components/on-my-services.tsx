"use client";
// "Only on my services": the switch Home and Browse show once Settings → Your services names a
// region and at least one service (lib/services.ts; the API's availableToMe filter).
import { useTranslations } from "next-intl";

/** Without `onChange` (a server-rendered stand-in) the switch shows its state, disabled. */
export function OnMyServicesToggle({ checked, onChange }: { checked: boolean; onChange?: (next: boolean) => void }) {
  const t = useTranslations("common.onMyServices");
  return (
    <label className="choice on-my-services">
      <input type="checkbox" checked={checked} disabled={!onChange} onChange={(event) => onChange?.(event.target.checked)} />
      <span>{t("label")}</span>
    </label>
  );
}
