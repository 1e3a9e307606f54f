// Settings → Your services: pick a region and a streaming service; the title page then says where to
// watch and that it is on your services, Home shows "Available on your services", and Browse's "Only
// on my services" keeps what streams on it and drops what does not.
import { expect, test } from "@playwright/test";
import { CRIME, graphql, newUser, onboardOverApi, signUpAndSignIn } from "./support/users.ts";

interface Offers {
  id: string;
  tmdbId: number;
  title: string;
  whereToWatch: { stream: { id: number; name: string }[]; free: { id: number }[] };
}

test("choose a region and a service, see where to watch, browse only what streams on it", async ({ page }) => {
  await signUpAndSignIn(page, newUser("services"));
  await onboardOverApi(page);
  // Popular crime films and where each streams in the United States (details are fetched on demand).
  const { browse } = await graphql<{ browse: { edges: { node: Offers }[] } }>(
    page.request,
    `{ browse(filter: { type: MOVIE, genreIds: [${CRIME.id}] }, first: 24) { edges { node { id tmdbId title whereToWatch(region: "US") { stream { id name } free { id } } } } } }`,
  );
  const titles = browse.edges.map((edge) => edge.node);
  const onIt = titles.find((t) => t.whereToWatch.stream.length > 0)!;
  const service = onIt.whereToWatch.stream[0]!;
  const streams = (t: Offers) => [...t.whereToWatch.stream, ...t.whereToWatch.free].some((p) => p.id === service.id);
  const notOnIt = titles.find((t) => !streams(t))!;
  expect(onIt && notOnIt).toBeTruthy();

  await page.goto("/settings");
  const services = page.getByRole("region", { name: "Your services" });
  await services.getByLabel("Region").selectOption("US");
  await services.getByRole("checkbox", { name: service.name, exact: true }).check();
  await services.getByRole("button", { name: "Save services" }).click();
  await expect(services.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Your services" }).getByRole("checkbox", { name: service.name, exact: true })).toBeChecked();

  // Home gains a shelf of the person's recommendations that stream on it, after Top picks.
  const { recommendations } = await graphql<{ recommendations: { edges: { node: { media: { id: string } } }[] } }>(
    page.request,
    "{ recommendations(first: 12, filter: { availableToMe: true }) { edges { node { media { id } } } } }",
  );
  const onMine = recommendations.edges.map((edge) => edge.node.media.id);
  expect(onMine.length).toBeGreaterThan(0);
  await page.goto("/home");
  const shelf = page.getByTestId("shelf-on-my-services");
  await expect(shelf.locator(`[data-media-id="${onMine[0]}"]`)).toBeVisible();
  const shown = await shelf.locator("[data-media-id]").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-media-id")));
  expect(shown).toEqual(onMine);
  await expect(page.locator("section h2").nth(1)).toHaveText("Available on your services");
  // Keeping home to those services keeps the switch where it is, ticked, enabled and in focus, while
  // home asks again (it used to give way to the server's first, unfiltered row with the switch off).
  const onlyMine = page.getByRole("checkbox", { name: "Only on my services" });
  await onlyMine.check();
  await expect(page.getByTestId("home-preview")).toHaveCount(0);
  await expect(onlyMine).toBeChecked();
  await expect(onlyMine).toBeEnabled();
  await expect(onlyMine).toBeFocused();
  await expect(page.locator(`main [data-media-id="${onMine[0]}"]`).first()).toBeVisible();

  await page.goto(`/title/movie/${onIt.tmdbId}`);
  const where = page.getByTestId("where-to-watch");
  await expect(where.getByRole("heading", { name: "Where to watch in United States" })).toBeVisible();
  await expect(where.getByText("On your services")).toBeVisible();
  await expect(where.getByRole("listitem").filter({ hasText: service.name }).first()).toBeVisible();

  await page.goto("/browse");
  // The server's stand-in has a disabled copy of the form; act on the view's, once the stand-in is gone.
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Genre").selectOption(String(CRIME.id));
  await expect(page.getByTestId("browse-preview")).toHaveCount(0);
  const grid = page.getByRole("list", { name: "Titles" });
  await expect(grid.locator(`[data-media-id="${notOnIt.id}"]`)).toBeVisible();
  await page.getByRole("checkbox", { name: "Only on my services" }).check();
  await expect(grid.locator(`[data-media-id="${onIt.id}"]`)).toBeVisible();
  await expect(grid.locator(`[data-media-id="${notOnIt.id}"]`)).toHaveCount(0);
});

test("saving Your services keeps what is ticked in Preferences but not saved yet", async ({ page }) => {
  await signUpAndSignIn(page, newUser("services-keep"));
  await onboardOverApi(page);
  await page.goto("/settings");
  const liked = page.getByRole("region", { name: "Preferences" }).getByRole("group", { name: "Genres you like" });
  const drama = liked.getByRole("checkbox", { name: "Drama", exact: true });
  await drama.check();
  const services = page.getByRole("region", { name: "Your services" });
  await services.getByLabel("Region").selectOption("US");
  await services.getByRole("checkbox").first().check();
  await services.getByRole("button", { name: "Save services" }).click();
  await expect(services.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(drama).toBeChecked();
  await expect(liked.getByRole("checkbox", { name: CRIME.name, exact: true })).toBeChecked();
});

test("Save waits for a newly picked region's services, so it cannot save the region without them", async ({ page }) => {
  await signUpAndSignIn(page, newUser("services-wait"));
  await onboardOverApi(page);
  await page.goto("/settings");
  const services = page.getByRole("region", { name: "Your services" });
  const save = services.getByRole("button", { name: "Save services" });
  await expect(save).toBeEnabled();
  // The new region's list is held back for a moment, as a slow connection would.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/graphql", async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string; variables?: { region?: string } } | null;
    if (body?.operationName === "WatchServices" && body.variables?.region === "GB") await released;
    await route.continue();
  });
  await services.getByLabel("Region").selectOption("GB");
  await expect(save).toBeDisabled();
  release();
  await expect(save).toBeEnabled();
  await expect(services.getByRole("checkbox").first()).toBeVisible();
});
