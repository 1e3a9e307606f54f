"use server";
// The footer's language picker: remembers the choice for a year on this browser (i18n/locales.ts
// reads it before Accept-Language).
import { cookies } from "next/headers";
import { isAppLocale, LOCALE_COOKIE } from "./locales";

export async function setLocale(locale: string): Promise<void> {
  if (!isAppLocale(locale)) throw new Error(`Unknown language "${locale}".`);
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
}
