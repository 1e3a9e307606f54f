// A card's preview: resting the mouse on a card's poster, or keeping keyboard focus on its link,
// shows the title's overview beside it; leaving the card or Escape hides it. Desktop only: touch
// never shows it (a tap opens the title).
import { expect, test } from "@playwright/test";
import { graphql, newUser, onboardOverApi, signUpAndSignIn } from "./support/users.ts";

async function overviewOf(page: import("@playwright/test").Page, href: string): Promise<string> {
  const [, type, tmdbId] = /\/title\/(movie|tv)\/(\d+)$/.exec(href)!;
  const { media } = await graphql<{ media: { overview: string } }>(
    page.request,
    "query($type: MediaType!, $tmdbId: Int!) { media(type: $type, tmdbId: $tmdbId) { overview } }",
    {
      type: type!.toUpperCase(),
      tmdbId: Number(tmdbId),
    },
  );
  return media.overview;
}

test("hovering or focusing a card previews the title beside it; leaving or Escape hides it", async ({ page }) => {
  await signUpAndSignIn(page, newUser("preview"));
  await onboardOverApi(page);
  await page.goto("/home");
  const preview = page.getByTestId("card-preview");
  const cards = page.getByTestId("media-card");
  await expect(cards.first()).toBeVisible();

  // The mouse rests on the second card's poster.
  const hovered = cards.nth(1).locator("a.card-link");
  const hoveredTitle = (await hovered.locator(".card-title").textContent())!;
  const hoveredOverview = await overviewOf(page, (await hovered.getAttribute("href"))!);
  await hovered.hover();
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute("aria-hidden", "true");
  await expect(preview.locator(".card-preview-title")).toHaveText(hoveredTitle);
  await expect(preview.locator(".card-preview-overview")).toHaveText(hoveredOverview || "No overview yet.");
  // Beside the card, not over it.
  const [card, panel] = [await hovered.boundingBox(), await preview.boundingBox()];
  expect(panel!.x >= card!.x + card!.width || panel!.x + panel!.width <= card!.x).toBe(true);
  await page.mouse.move(2, 2);
  await expect(preview).toHaveCount(0);

  // Keyboard: Tab until a card's link has focus; its preview comes, Escape hides it.
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.matches("a.card-link") ?? false)) break;
  }
  const focusedTitle = await page.evaluate(() => document.activeElement?.querySelector(".card-title")?.textContent);
  expect(focusedTitle).toBeTruthy();
  await expect(preview.locator(".card-preview-title")).toHaveText(focusedTitle!);
  await page.keyboard.press("Escape");
  await expect(preview).toHaveCount(0);
  // Focus stays where it was: Escape only closed the preview.
  expect(await page.evaluate(() => document.activeElement?.matches("a.card-link"))).toBe(true);
});
