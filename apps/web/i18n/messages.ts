// Every namespace of the interface's text, per language: messages/<locale>/<namespace>.json, one file per
// part of the app. English is the source (its shape types every t() call: i18n/app-config.ts);
// messages.test.ts checks every other language has the same keys and placeholders.
import en_common from "../messages/en/common.json";
import en_shell from "../messages/en/shell.json";
import en_landing from "../messages/en/landing.json";
import en_auth from "../messages/en/auth.json";
import en_settings from "../messages/en/settings.json";
import en_home from "../messages/en/home.json";
import en_browse from "../messages/en/browse.json";
import en_search from "../messages/en/search.json";
import en_onboarding from "../messages/en/onboarding.json";
import en_lists from "../messages/en/lists.json";
import en_title from "../messages/en/title.json";
import en_cards from "../messages/en/cards.json";
import fr_common from "../messages/fr/common.json";
import fr_shell from "../messages/fr/shell.json";
import fr_landing from "../messages/fr/landing.json";
import fr_auth from "../messages/fr/auth.json";
import fr_settings from "../messages/fr/settings.json";
import fr_home from "../messages/fr/home.json";
import fr_browse from "../messages/fr/browse.json";
import fr_search from "../messages/fr/search.json";
import fr_onboarding from "../messages/fr/onboarding.json";
import fr_lists from "../messages/fr/lists.json";
import fr_title from "../messages/fr/title.json";
import fr_cards from "../messages/fr/cards.json";
import type { AppLocale } from "./locales";

const en = {
  common: en_common,
  shell: en_shell,
  landing: en_landing,
  auth: en_auth,
  settings: en_settings,
  home: en_home,
  browse: en_browse,
  search: en_search,
  onboarding: en_onboarding,
  lists: en_lists,
  title: en_title,
  cards: en_cards,
};
const fr = {
  common: fr_common,
  shell: fr_shell,
  landing: fr_landing,
  auth: fr_auth,
  settings: fr_settings,
  home: fr_home,
  browse: fr_browse,
  search: fr_search,
  onboarding: fr_onboarding,
  lists: fr_lists,
  title: fr_title,
  cards: fr_cards,
};

export type Messages = typeof en;

const byLocale: Readonly<Record<AppLocale, Messages>> = { en, fr: fr as Messages };

export function messagesFor(locale: AppLocale): Messages {
  return byLocale[locale];
}

/** Every language's messages, for the test that compares them. */
export const allMessages: Readonly<Record<AppLocale, unknown>> = { en, fr };
