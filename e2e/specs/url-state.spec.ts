// Browse filters and the search query live in the address: a reload keeps them and a link shares
// them. Years the wrong way round are explained next to the fields, not as "Something went wrong".
import { expect, test } from "@playwright/test";
import { CRIME, newUser, signUpAndSignIn } from "./support/users.ts";

test("browse filters survive a reload; backwards years are explained beside the fields", async ({ page }) => {
  await signUpAndSignIn(page, newUser("url-browse"));
  await page.goto("/browse");
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Genre").selectOption({ label: CRIME.name });
  await filters.getByLabel("From year").fill("1980");
  await filters.getByLabel("To year").fill("2010");
  await expect(page).toHaveURL(/genre=80/);
  await expect(page).toHaveURL(/from=1980/);
  await expect(page).toHaveURL(/to=2010/);
  await expect(page.getByRole("list", { name: "Titles" }).getByRole("listitem").first()).toBeVisible();

  await page.reload();
  await expect(filters.getByLabel("Genre")).toHaveValue(String(CRIME.id));
  await expect(filters.getByLabel("From year")).toHaveValue("1980");
  await expect(filters.getByLabel("To year")).toHaveValue("2010");
  await expect(page.getByRole("list", { name: "Titles" }).getByRole("listitem").first()).toBeVisible();

  await filters.getByLabel("From year").fill("2015");
  await expect(page.locator("#years-error").getByRole("alert")).toHaveText("“From year” (2015) is after “To year” (2010): swap them, or clear one.");
  await expect(filters.getByLabel("From year")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Titles" })).toHaveCount(0);
});

test("browse offers each kind its own genres, and a film genre series lack goes with the switch", async ({ page }) => {
  await signUpAndSignIn(page, newUser("url-genres"));
  await page.goto("/browse");
  const filters = page.getByRole("form", { name: "Filters" });
  const genre = filters.getByLabel("Genre");
  await genre.selectOption({ label: "Horror" });
  await expect(page).toHaveURL(/genre=27/);
  await filters.getByLabel("Type").selectOption({ label: "Series" });
  await expect(page).toHaveURL(/type=TV/);
  await expect(page).not.toHaveURL(/genre=/);
  await expect(genre).toHaveValue("");
  await expect(genre.locator("option", { hasText: "Horror" })).toHaveCount(0);
  await genre.selectOption({ label: "Action & Adventure" });
  await expect(page.getByRole("list", { name: "Titles" }).getByRole("listitem").first()).toBeVisible();
  await filters.getByLabel("Type").selectOption({ label: "Films" });
  await expect(genre.locator("option", { hasText: "Action & Adventure" })).toHaveCount(0);
  await expect(page).not.toHaveURL(/genre=/);

  // An older link with a film genre for series lets go of it, rather than finding nothing.
  await page.goto("/browse?type=TV&genre=27");
  await expect(page).toHaveURL(/type=TV/);
  await expect(page).not.toHaveURL(/genre=/);
  await expect(page.getByRole("list", { name: "Titles" }).getByRole("listitem").first()).toBeVisible();
});

test("the search query survives a reload and Back returns to the previous search", async ({ page }) => {
  await signUpAndSignIn(page, newUser("url-search"));
  await page.goto("/search");
  const search = page.getByRole("search");
  await search.getByLabel("Title").fill("the");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=the$/);
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("listitem").first()).toBeVisible();
  // The form the person used stays, with the focus in it, and what it found is said.
  await expect(search.getByRole("button", { name: "Search" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Results for “the” are below the form." })).toHaveCount(1);

  await search.getByLabel("Title").fill("dark");
  await search.getByLabel("Type").selectOption("MOVIE");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=dark&type=MOVIE$/);
  await page.reload();
  await expect(page.getByRole("search").getByLabel("Title")).toHaveValue("dark");
  await expect(page.getByRole("search").getByLabel("Type")).toHaveValue("MOVIE");
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("listitem").first()).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/search\?q=the$/);
  await expect(page.getByRole("search").getByLabel("Title")).toHaveValue("the");
  await page.goForward();
  await expect(page).toHaveURL(/\/search\?q=dark&type=MOVIE$/);
  await expect(page.getByRole("search").getByLabel("Title")).toHaveValue("dark");
  // Back and Forward over a search this page sent itself: the box follows the address each way.
  await search.getByLabel("Title").fill("heat");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=heat&type=MOVIE$/);
  // Back once the page has shown what it found, as a person would (the address changes before the
  // page has rendered the new search; a Back in between found the box as typed).
  await expect(page.getByRole("status").filter({ hasText: "“heat”" })).toHaveCount(1);
  await page.goBack();
  await expect(search.getByLabel("Title")).toHaveValue("dark");
  await page.goForward();
  await expect(page).toHaveURL(/\/search\?q=heat&type=MOVIE$/);
  await expect(search.getByLabel("Title")).toHaveValue("heat");
});

test("Back pressed in the same moment as a new search returns to the search before it", async ({ page }) => {
  await signUpAndSignIn(page, newUser("url-search-back"));
  await page.goto("/search?q=dark");
  const search = page.getByRole("search");
  await expect(page.getByRole("status").filter({ hasText: "“dark”" })).toHaveCount(1);
  await search.getByLabel("Title").fill("heat");
  // The search is sent and Back pressed in one task: Next.js brings both address changes to the
  // page in transitions that land together, so only the Back's own event can tell the page.
  await page.evaluate(() => {
    document.querySelector<HTMLFormElement>("form[role=search]")!.requestSubmit();
    window.history.back();
  });
  await expect(page).toHaveURL(/\/search\?q=dark$/);
  await expect(search.getByLabel("Title")).toHaveValue("dark");
  await expect(page.getByRole("status").filter({ hasText: "“dark”" })).toHaveCount(1);
  await page.goForward();
  await expect(page).toHaveURL(/\/search\?q=heat$/);
  await expect(search.getByLabel("Title")).toHaveValue("heat");
});
