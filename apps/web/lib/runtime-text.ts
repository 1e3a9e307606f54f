/** `useTranslations("common.runtime")` / `getTranslations("common.runtime")`. */
export type RuntimeTranslator = (key: "hoursMinutes" | "minutes", values: { hours?: number; minutes: number }) => string;

/** "2 h 12 min", "48 min": how a runtime reads on the title page and in a card's preview, in the language of `t`. */
export function formatRuntime(minutes: number, t: RuntimeTranslator): string {
  const hours = Math.floor(minutes / 60);
  return hours ? t("hoursMinutes", { hours, minutes: minutes % 60 }) : t("minutes", { minutes });
}
