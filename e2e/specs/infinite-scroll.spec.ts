// Lists of titles load their next page as their end nears (infinite scroll), announce each page to
// screen readers, and keep "Show more" for keyboards (no automatic load while it has focus): a page
// asked for with it moves focus to its first new card, so Tab continues from there.
import { expect, test } from "@playwright/test";
import { newUser, signUpAndSignIn } from "./support/users.ts";

const PAGE = 24; // browse's page size (browse-view.tsx)

test("browse loads the next page as its end nears, announces it, and Show more moves focus to the first new card", async ({ page }) => {
  await signUpAndSignIn(page, newUser("infinite"));
  await page.goto("/browse");
  const cards = page.getByRole("list", { name: "Titles" }).getByTestId("media-card");
  await expect(cards.nth(PAGE - 1)).toBeVisible({ timeout: 20_000 });
  await expect(cards).toHaveCount(PAGE);

  // Scrolling to the end loads the next page by itself, and says so.
  await page.getByRole("button", { name: "Show more" }).scrollIntoViewIfNeeded();
  await expect(cards).toHaveCount(2 * PAGE);
  await expect(page.getByText(`${PAGE} more loaded, ${2 * PAGE} titles shown`)).toBeAttached();

  // By keyboard: onto Show more (it does not load by itself while focused), Enter, and focus is on the page's first card.
  await page.getByRole("button", { name: "Show more" }).focus();
  await page.keyboard.press("Enter");
  await expect(cards).toHaveCount(3 * PAGE);
  await expect(cards.nth(2 * PAGE).getByRole("link")).toBeFocused();
  await expect(page.getByText(`${PAGE} more loaded, ${3 * PAGE} titles shown`)).toBeAttached();
});
