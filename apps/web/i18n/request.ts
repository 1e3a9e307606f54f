// next-intl's per-request configuration (next.config.ts points its plugin here): the locale from
// i18n/locales.ts and that locale's messages, for Server Components; the root layout's
// NextIntlClientProvider hands the same to Client Components.
import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, pickLocale } from "./locales";
import { messagesFor } from "./messages";

export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale({ cookie: cookieStore.get(LOCALE_COOKIE)?.value, acceptLanguage: headerStore.get("accept-language") });
  // Dates are shown in UTC on the server and the client alike, so hydration never disagrees.
  return { locale, messages: messagesFor(locale), timeZone: "UTC" };
});
