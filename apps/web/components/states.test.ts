import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../i18n/messages";
import { ErrorState } from "./states";

const render = (error: unknown) =>
  renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale: "en",
      timeZone: "UTC",
      messages: messagesFor("en"),
      // biome-ignore lint/correctness/noChildrenProp: the provider's props type requires children (no JSX in a .test.ts)
      children: createElement(ErrorState, { error, onRetry: () => undefined }),
    }),
  );

describe("ErrorState", () => {
  it("offers to sign in again when the person was signed out meanwhile: asking again cannot work", () => {
    const html = render({ errors: [{ message: "Not signed in.", extensions: { code: "UNAUTHENTICATED" } }] });
    expect(html).toContain("You are signed out.");
    expect(html).toMatch(/<a class="button button-primary" href="\/signin\?next=[^"]*">Sign in again<\/a>/);
    expect(html).not.toContain("Try again");
  });

  it("offers to try again for anything else", () => {
    const html = render({ statusCode: 503 });
    expect(html).toContain("Try again");
    expect(html).not.toContain("Sign in again");
  });
});
