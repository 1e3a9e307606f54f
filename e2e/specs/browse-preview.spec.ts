// Browse's first cards in the document the server sends (app/(app)/browse/browse-preview.tsx): the
// address's filters are read on the server, the form shows them (disabled until the page's
// JavaScript runs), the first posters start downloading with the page, and the view then replaces
// the cards with the same titles, from the answers the server seeded its cache with.
import { expect, test } from "@playwright/test";
import { collectConsoleErrors, CRIME, graphql, newUser, operationsAsked, resetRetried, signUpAndSignIn } from "./support/users.ts";

type Page = { browse: { edges: Array<{ node: { title: string } }> } };

test("browse's document holds the first cards of the address's filters, and the view replaces them with the same titles without asking the API again", async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await signUpAndSignIn(page, newUser("browse-preview"));
  const ranked = await graphql<Page>(
    page.request,
    `{ browse(filter: { type: MOVIE, genreIds: [${CRIME.id}], minRating: 7 }, sort: RATING, first: 12) { edges { node { title } } } }`,
  );
  const expected = ranked.browse.edges.map((edge) => edge.node.title);
  expect(expected.length).toBeGreaterThan(2);
  // What the address says, with something it does not (ignored, as the view ignores it).
  const address = `/browse?genre=${CRIME.id}&rating=7&sort=RATING&junk=1`;

  const html = await (await resetRetried(() => page.request.get(address))).text();
  const preview = await page.evaluate((source) => {
    const root = new DOMParser().parseFromString(source, "text/html").querySelector('[data-testid="browse-preview"]');
    if (!root) return null;
    const selected = (label: string) =>
      [...root.querySelectorAll("label.field")].find((field) => field.querySelector("span")?.textContent === label)?.querySelector("option[selected]")
        ?.textContent ?? "(first)";
    const firstCard = root.querySelector(".card");
    return {
      heading: root.querySelector("h1")?.textContent,
      genre: selected("Genre"),
      rating: selected("Minimum rating"),
      sort: selected("Sort by"),
      enabledControls: root.querySelectorAll("form select:not([disabled]), form input:not([disabled])").length,
      titles: [...root.querySelectorAll(".card-title")].map((title) => title.textContent),
      firstPoster: firstCard?.querySelector(".poster-missing") ? "none" : firstCard?.querySelector("img")?.getAttribute("fetchpriority"),
    };
  }, html);
  expect(preview).toEqual({
    heading: "Browse",
    genre: CRIME.name,
    rating: "7+",
    sort: "Highest rated",
    enabledControls: 0,
    titles: expected,
    firstPoster: expect.stringMatching(/^(high|none)$/),
  });
  // "From 2010 to 1990" asks nothing: no cards in the document, the view says what is wrong.
  expect(await (await resetRetried(() => page.request.get("/browse?from=2010&to=1990"))).text()).not.toContain('data-testid="browse-stand-in"');

  // The view's first queries were asked by the server, which seeded the browser's cache with the
  // answers (lib/cache-seed.ts): the browser asks none of them.
  const asked = operationsAsked(page);
  await page.goto(address);
  const grid = page.getByRole("list", { name: "Titles" });
  await expect(grid.getByTestId("media-card").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("browse-stand-in")).toHaveCount(0);
  expect((await grid.locator(".card-title").allInnerTexts()).slice(0, expected.length)).toEqual(expected);
  await expect(page.getByRole("form", { name: "Filters" }).getByLabel("Genre")).toBeEnabled();
  expect(asked.filter((name) => ["Browse", "Genres", "Preferences"].includes(name))).toEqual([]);
  expect(errors).toEqual([]);
});
