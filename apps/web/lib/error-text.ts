// What an error means for the person looking at the page, in words they can act on: not
// "Failed to fetch" or a stack of codes. The API's own messages (extensions.code, docs/api.md) are
// written for people already, so they are shown as they are, under a heading that fits the code.
// The headings and the default details are the interface's (messages/<locale>/common.json's
// "errors"), in the person's language: describeError takes that namespace's translator.

export interface ErrorText {
  title: string;
  detail: string;
}

/** The kinds of problem the interface has words for (common.errors.<kind>). */
export type ErrorKind = "offline" | "rateLimited" | "unavailable" | "signedOut" | "notFound" | "badInput" | "unknown";

/** What went wrong: its kind, and the API's own message when it has one worth showing. */
export interface ErrorDescription {
  kind: ErrorKind;
  /** Shown instead of the kind's default detail. */
  message?: string;
}

export type ErrorMessageKey = `${ErrorKind}.${"title" | "detail"}`;
/** `useTranslations("common.errors")` / `getTranslations("common.errors")`. */
export type ErrorTranslator = (key: ErrorMessageKey) => string;

type ErrorLike = { message?: string; name?: string; errors?: ReadonlyArray<{ message?: string; extensions?: Record<string, unknown> }>; statusCode?: number };

const NETWORK = /failed to fetch|networkerror|load failed|network request failed|fetch failed/i;

/** The kind of an error, and the message of the API's to show with it (none: the kind's own words). */
export function classifyError(error: unknown): ErrorDescription {
  const e = (error ?? {}) as ErrorLike;
  const first = e.errors?.[0];
  const code = typeof first?.extensions?.code === "string" ? first.extensions.code : undefined;
  if (!first && (NETWORK.test(e.message ?? "") || (typeof navigator !== "undefined" && navigator.onLine === false))) {
    return { kind: "offline" };
  }
  switch (code) {
    case "RATE_LIMITED":
      return { kind: "rateLimited", message: first?.message };
    case "SERVICE_UNAVAILABLE":
      return { kind: "unavailable", message: first?.message };
    case "UNAUTHENTICATED":
      return { kind: "signedOut" };
    case "NOT_FOUND":
      return { kind: "notFound", message: first?.message };
    case "BAD_USER_INPUT":
      return { kind: "badInput", message: first?.message };
    default:
      if (e.statusCode && e.statusCode >= 500) return { kind: "unavailable" };
      return { kind: "unknown", message: first?.message ?? e.message };
  }
}

/** A heading and a detail for an error, in the language of `t` (common.errors's translator). */
export function describeError(error: unknown, t: ErrorTranslator): ErrorText {
  const { kind, message } = classifyError(error);
  return { title: t(`${kind}.title`), detail: message ?? t(`${kind}.detail`) };
}

/**
 * Why an action failed, to follow "Could not save: ": the API's own sentence when it sent one
 * ("Too many requests: try again in 12 s."), else the kind's heading in the person's language
 * ("Can’t reach movierec.") — never the browser's "Failed to fetch" or a parser's complaint.
 */
export function errorReason(error: unknown, t: ErrorTranslator): string {
  const { kind } = classifyError(error);
  const first = (error as ErrorLike | null)?.errors?.[0];
  const code = first?.extensions?.code;
  // The API writes its coded refusals for people ("That is not your current password; nothing was
  // changed."), but not a signed-out or an internal error ("Not signed in.", a request id).
  const speaks = typeof code === "string" && code !== "UNAUTHENTICATED" && code !== "INTERNAL_SERVER_ERROR";
  return speaks && first?.message ? first.message : t(`${kind}.title`);
}
