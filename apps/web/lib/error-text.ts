// What an error means for the person looking at the page, in words they can act on: not
// "Failed to fetch" or a stack of codes. The API's own messages (extensions.code, docs/api.md) are
// written for people already, so they are shown as they are, under a heading that fits the code.

export interface ErrorText {
  title: string;
  detail: string;
}

type ErrorLike = { message?: string; name?: string; errors?: ReadonlyArray<{ message?: string; extensions?: Record<string, unknown> }>; statusCode?: number };

const NETWORK = /failed to fetch|networkerror|load failed|network request failed|fetch failed/i;

export function describeError(error: unknown): ErrorText {
  const e = (error ?? {}) as ErrorLike;
  const first = e.errors?.[0];
  const code = typeof first?.extensions?.code === "string" ? first.extensions.code : undefined;
  if (!first && (NETWORK.test(e.message ?? "") || (typeof navigator !== "undefined" && navigator.onLine === false))) {
    return { title: "Can’t reach movierec.", detail: "Check your connection. This page tries again by itself when you are back online." };
  }
  switch (code) {
    case "RATE_LIMITED":
      return { title: "That was a lot at once.", detail: first?.message ?? "Wait a few seconds, then try again." };
    case "SERVICE_UNAVAILABLE":
      return { title: "movierec is having trouble right now.", detail: first?.message ?? "Try again in a minute." };
    case "UNAUTHENTICATED":
      return { title: "You are signed out.", detail: "Sign in again to see this page." };
    case "NOT_FOUND":
      return { title: "Not found.", detail: first?.message ?? "It may have been removed." };
    case "BAD_USER_INPUT":
      return { title: "That did not work.", detail: first?.message ?? "Check what you entered." };
    default:
      if (e.statusCode && e.statusCode >= 500) return { title: "movierec is having trouble right now.", detail: "Try again in a minute." };
      return { title: "Something went wrong.", detail: first?.message ?? e.message ?? "Try again." };
  }
}
