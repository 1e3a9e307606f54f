// The signed-in sections (Home, Browse, Search, Favourites, Watchlist): in the header's row on a
// wide screen, a tab bar along the bottom of the screen on a phone (components/nav-tab.tsx). Either
// way the current section is marked, and on a phone the bar covers nothing at the page's end.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { newUser, onboardOverApi, signUpAndSignIn } from "./support/users.ts";

const shell = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../apps/web/messages/en/shell.json"), "utf8"));

test("the sections are one tap away and the current one is marked", async ({ page }, testInfo) => {
  await signUpAndSignIn(page, newUser("navigation"));
  await onboardOverApi(page);
  await page.goto("/favourites");
  const nav = page.getByRole("navigation", { name: shell.mainNavigation });
  const sections = ["home", "browse", "search", "favourites", "watchlist"] as const;
  const viewport = page.viewportSize()!;
  const phone = testInfo.project.name === "phone";

  for (const key of sections) {
    const link = nav.getByRole("link", { name: shell.nav[key], exact: true });
    await expect(link).toBeInViewport({ ratio: 1 });
    const box = (await link.boundingBox())!;
    if (phone) expect(box.y + box.height, `${key} sits along the bottom of the screen`).toBeGreaterThan(viewport.height - 80);
    else expect(box.y, `${key} sits in the header's row`).toBeLessThan(80);
  }
  await expect(nav.getByRole("link", { name: shell.nav.settings, exact: true })).toBeInViewport();
  await expect(nav.getByRole("button", { name: shell.nav.signOut })).toBeInViewport();

  await expect(nav.getByRole("link", { name: shell.nav.favourites, exact: true })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);

  await nav.getByRole("link", { name: shell.nav.browse, exact: true }).click();
  await expect(page).toHaveURL(/\/browse/);
  await expect(nav.getByRole("link", { name: shell.nav.browse, exact: true })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: shell.nav.favourites, exact: true })).not.toHaveAttribute("aria-current", "page");

  // The end of a page (the footer's language picker) can be scrolled clear of the bar. Browse's list
  // grows as it is scrolled, so this is checked on the watchlist, empty for a new person.
  await nav.getByRole("link", { name: shell.nav.watchlist, exact: true }).click();
  await expect(page).toHaveURL(/\/watchlist/);
  await expect(nav.getByRole("link", { name: shell.nav.watchlist, exact: true })).toHaveAttribute("aria-current", "page");
  const picker = page.getByRole("contentinfo").getByRole("combobox", { name: shell.language });
  await picker.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const { pickerBottom, barTop } = await picker.evaluate((select) => ({
    pickerBottom: select.getBoundingClientRect().bottom,
    barTop: document.querySelector('[aria-current="page"]')!.getBoundingClientRect().top,
  }));
  if (phone) expect(pickerBottom, "the footer ends above the tab bar").toBeLessThanOrEqual(barTop);
});

test("the header's Sign up button has its label in the middle", async ({ page }) => {
  await page.goto("/");
  const signUp = page.getByRole("navigation", { name: shell.mainNavigation }).getByRole("link", { name: shell.nav.signUp });
  const { box, label } = await signUp.evaluate((link) => {
    const range = document.createRange();
    range.selectNodeContents(link);
    const b = link.getBoundingClientRect();
    const l = range.getBoundingClientRect();
    return { box: { top: b.top, height: b.height }, label: { top: l.top, height: l.height } };
  });
  expect(box.height, "a 44-px touch target").toBeGreaterThanOrEqual(44);
  const space = { above: label.top - box.top, below: box.top + box.height - (label.top + label.height) };
  expect(Math.abs(space.above - space.below), `space above ${space.above} px, below ${space.below} px`).toBeLessThanOrEqual(2);
});
