// Quick actions on recommendations: favourite, watchlist, not interested (gone for good), and the
// favourites and watchlist pages.
import { expect, test } from "@playwright/test";
import { newUser, onboardOverApi, signUpAndSignIn } from "./support/users.ts";

test("favourite, watchlist and not interested from the recommendations", async ({ page }) => {
  await signUpAndSignIn(page, newUser("lists"));
  await onboardOverApi(page);
  await page.goto("/home");
  const cards = page.getByTestId("recommendations").getByTestId("media-card");
  await expect(cards.nth(2)).toBeVisible({ timeout: 20_000 });
  const [favourite, watch, dismiss] = await Promise.all(
    [0, 1, 2].map(async (index) => ({
      id: (await cards.nth(index).getAttribute("data-media-id"))!,
      title: (await cards.nth(index).locator(".card-title").textContent())!,
    })),
  );

  const favouriteButton = page.getByRole("button", { name: `Favourite ${favourite!.title}`, exact: true }).first();
  await favouriteButton.click();
  await expect(favouriteButton).toHaveAttribute("aria-pressed", "true");
  const watchButton = page.getByRole("button", { name: `Watchlist ${watch!.title}`, exact: true }).first();
  await watchButton.click();
  await expect(watchButton).toHaveAttribute("aria-pressed", "true");
  await page
    .getByRole("button", { name: `Not interested in ${dismiss!.title}`, exact: true })
    .first()
    .click();
  await expect(page.locator(`[data-media-id="${dismiss!.id}"]`)).toHaveCount(0);

  // Let the mutations reach the server before reloading.
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(cards.first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(page.locator(`[data-media-id="${dismiss!.id}"]`)).toHaveCount(0);

  await page.getByRole("link", { name: "Favourites" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Favourites" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Your favourites" }).locator(`[data-media-id="${favourite!.id}"]`)).toBeVisible();

  await page.getByRole("link", { name: "Watchlist" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Watchlist" })).toBeVisible();
  const toWatch = page.getByRole("list", { name: "To watch" }).locator(`[data-media-id="${watch!.id}"]`);
  await expect(toWatch).toBeVisible();
  await page.getByRole("button", { name: `Watched ${watch!.title}`, exact: true }).click();
  await expect(page.getByRole("list", { name: "Watched" }).locator(`[data-media-id="${watch!.id}"]`)).toBeVisible();
});

test("not interested offers Undo, focused, so a second Enter brings the title back instead of hiding the next", async ({ page }) => {
  await signUpAndSignIn(page, newUser("undo-dismiss"));
  await onboardOverApi(page);
  await page.goto("/home");
  const cards = page.getByTestId("recommendations").getByTestId("media-card");
  await expect(cards.nth(1)).toBeVisible({ timeout: 20_000 });
  const first = { id: (await cards.nth(0).getAttribute("data-media-id"))!, title: (await cards.nth(0).locator(".card-title").textContent())! };
  const second = (await cards.nth(1).getAttribute("data-media-id"))!;

  // By keyboard: Enter on "Not interested", then Enter again.
  await page
    .getByRole("button", { name: `Not interested in ${first.title}`, exact: true })
    .first()
    .focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(`[data-media-id="${first.id}"]`)).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `Hidden “${first.title}”` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator(`[data-media-id="${first.id}"]`)).toHaveCount(1);
  await expect(page.locator(`[data-media-id="${second}"]`)).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);

  // The undo reached the server: still there after a reload.
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(page.locator(`[data-media-id="${first.id}"]`)).toHaveCount(1);
});

test("Settings lists the titles hidden as not interested, and Restore lets one be recommended again", async ({ page }) => {
  await signUpAndSignIn(page, newUser("restore"));
  await onboardOverApi(page);
  await page.goto("/home");
  const cards = page.getByTestId("recommendations").getByTestId("media-card");
  await expect(cards.first()).toBeVisible({ timeout: 20_000 });
  const title = (await cards.first().locator(".card-title").textContent())!;
  await page
    .getByRole("button", { name: `Not interested in ${title}`, exact: true })
    .first()
    .click();
  await expect(page.getByRole("status").filter({ hasText: `Hidden “${title}”` })).toBeVisible();
  await page.waitForLoadState("networkidle");

  await page.goto("/settings");
  const hidden = page.getByRole("list", { name: "Titles you are not interested in" });
  await expect(hidden.getByRole("link", { name: title, exact: true })).toBeVisible();
  await page.getByRole("button", { name: `Restore ${title}`, exact: true }).click();
  await expect(page.getByText(`Restored “${title}”: it can be recommended again.`)).toBeVisible();
  await expect(page.getByText("Nothing hidden.")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(page.getByText("Nothing hidden.")).toBeVisible();
});
