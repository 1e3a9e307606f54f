// Types every next-intl call against the English messages: a key that does not exist, or a
// placeholder left out, is a compile error.
import type { Messages } from "./messages";
import type { AppLocale } from "./locales";

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: Messages;
  }
}
