// A page's first Intl formatter (NumberFormat, DateTimeFormat, DisplayNames, Collator) loads the
// browser's locale data in one long task: 20–60 ms at full speed, four times that on Lighthouse's
// phone (bench/README.md). Home, browse and the title page make none while they load: cards write
// ratings and counts with lib/number-text.ts, genres sort on a folded key (lib/genres.ts), and the
// title page's original language is named by the server (page.tsx).
import { expect, type Page, test } from "@playwright/test";
import { newUser, onboardOverApi, signUpAndSignIn } from "./support/users.ts";

/** Counts, in the page, each Intl constructor called and each localeCompare (a collator underneath). */
async function countIntl(page: Page) {
  await page.addInitScript(() => {
    const made: Record<string, number> = {};
    (window as unknown as { __intlMade: typeof made }).__intlMade = made;
    for (const name of ["NumberFormat", "DateTimeFormat", "DisplayNames", "Collator", "RelativeTimeFormat", "ListFormat"] as const) {
      const original = Intl[name] as unknown as new (...args: unknown[]) => object;
      const counted = function (this: unknown, ...args: unknown[]) {
        made[name] = (made[name] ?? 0) + 1;
        return new original(...args);
      };
      Object.setPrototypeOf(counted, original);
      counted.prototype = original.prototype;
      Object.defineProperty(Intl, name, { value: counted, configurable: true, writable: true });
    }
    const compare = String.prototype.localeCompare;
    String.prototype.localeCompare = function (this: string, ...args: Parameters<typeof compare>) {
      made.localeCompare = (made.localeCompare ?? 0) + 1;
      return compare.apply(this, args);
    };
  });
  return () => page.evaluate(() => (window as unknown as { __intlMade: Record<string, number> }).__intlMade);
}

test("home, browse and a title page load without making an Intl formatter, and still read as the interface's language", async ({ page }) => {
  await signUpAndSignIn(page, newUser("locale-data"));
  const [loved] = await onboardOverApi(page);
  const made = await countIntl(page);

  await page.goto("/home");
  const card = page.getByTestId("recommendations").getByTestId("media-card").first();
  await expect(card).toBeVisible({ timeout: 20_000 });
  await expect(card.locator(".card-meta")).toHaveText(/★ \d+\.\d\b/);
  expect(await made()).toEqual({});

  await page.goto("/browse");
  await expect(page.getByRole("main").getByTestId("media-card").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("form", { name: "Filters" }).getByLabel("Genre").locator("option", { hasText: "Crime" })).toHaveCount(1);
  expect(await made()).toEqual({});

  await page.goto(`/title/${loved!.type.toLowerCase()}/${loved!.tmdbId}`);
  await expect(page.getByTestId("language")).toHaveText(/^[A-Z][a-z]+( [A-Za-z]+)*$/, { timeout: 20_000 });
  await expect(page.getByText(/^★ \d+\.\d \((1 vote|[\d,]+ votes)\)$/)).toBeVisible();
  expect(await made()).toEqual({});
});
