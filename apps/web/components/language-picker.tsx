"use client";
// The interface's language, in the footer of every page: the choice is a cookie (i18n/set-locale.ts),
// then the page renders again on the server in that language.
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useSyncExternalStore, useTransition } from "react";
import { localeNames, locales } from "../i18n/locales";
import { setLocale } from "../i18n/set-locale";

const noSubscription = () => () => {};

export function LanguagePicker() {
  const t = useTranslations("shell");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Disabled in the server's HTML until this page's JavaScript can act on a choice: a choice made
  // before then was lost (the change event came before React listened; an e2e run on a slow
  // machine picked English that way and the page stayed French).
  const interactive = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <label className="language-picker">
      <span>{t("language")}</span>
      <select
        value={locale}
        disabled={pending || !interactive}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await setLocale(next);
            router.refresh();
          });
        }}
      >
        {locales.map((code) => (
          <option key={code} value={code} lang={code}>
            {localeNames[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
