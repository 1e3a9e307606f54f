// Quick actions on recommendations: watchlist (each card's primary action), favourite and not
// interested (gone for good) from the card's "More" menu, and the favourites and watchlist pages.
import { type Locator, type Page, expect, test } from "@playwright/test";
import { graphql, newUser, onboardOverApi, signUpAndSignIn } from "./support/users.ts";

/** Opens a card's "More actions" menu (once its code has loaded) and returns the open menu. */
async function openMenu(page: Page, card: Locator, title: string): Promise<Locator> {
  const more = card.getByRole("button", { name: `More actions for ${title}`, exact: true });
  await expect(more).toBeEnabled();
  await more.click();
  const menu = page.getByRole("menu", { name: `Actions for ${title}` });
  await expect(menu).toBeVisible();
  return menu;
}

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

  await (await openMenu(page, cards.nth(0), favourite!.title)).getByRole("menuitemcheckbox", { name: "Favourite" }).click();
  await expect(cards.nth(0).getByTitle("In your favourites")).toBeVisible();
  await expect((await openMenu(page, cards.nth(0), favourite!.title)).getByRole("menuitemcheckbox", { name: "Favourite" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await page.keyboard.press("Escape");
  const watchButton = cards.nth(1).getByRole("button", { name: `Watchlist ${watch!.title}`, exact: true });
  await watchButton.click();
  await expect(watchButton).toHaveAttribute("aria-pressed", "true");
  await (await openMenu(page, cards.nth(2), dismiss!.title)).getByRole("menuitem", { name: "Not interested" }).click();
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
  await (await openMenu(page, toWatch, watch!.title)).getByRole("menuitemcheckbox", { name: "Watched" }).click();
  const watched = page.getByRole("list", { name: "Watched" }).locator(`[data-media-id="${watch!.id}"]`);
  await expect(watched).toBeVisible();
  // The card moved to the other section: focus went with it, to its "More actions" button, not to the page's start.
  await expect(watched.getByRole("button", { name: `More actions for ${watch!.title}`, exact: true })).toBeFocused();
});

test("not interested offers Undo, focused, so a second Enter brings the title back instead of hiding the next", async ({ page }) => {
  await signUpAndSignIn(page, newUser("undo-dismiss"));
  await onboardOverApi(page);
  await page.goto("/home");
  const cards = page.getByTestId("recommendations").getByTestId("media-card");
  await expect(cards.nth(1)).toBeVisible({ timeout: 20_000 });
  const first = { id: (await cards.nth(0).getAttribute("data-media-id"))!, title: (await cards.nth(0).locator(".card-title").textContent())! };
  const second = (await cards.nth(1).getAttribute("data-media-id"))!;

  // By keyboard: Enter opens the card's menu, End reaches "Not interested", Enter chooses it; then Enter again.
  const more = cards.nth(0).getByRole("button", { name: `More actions for ${first.title}`, exact: true });
  await expect(more).toBeEnabled();
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu", { name: `Actions for ${first.title}` })).toBeVisible();
  await page.keyboard.press("End");
  await expect(page.getByRole("menuitem", { name: "Not interested" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator(`[data-media-id="${first.id}"]`)).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `Hidden “${first.title}”` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Enter");
  const topPicks = page.getByTestId("recommendations");
  await expect(topPicks.locator(`[data-media-id="${first.id}"]`)).toHaveCount(1);
  await expect(topPicks.locator(`[data-media-id="${second}"]`)).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);

  // The undo reached the server: still there after a reload.
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(topPicks.locator(`[data-media-id="${first.id}"]`)).toHaveCount(1);
});

test("Settings lists the titles hidden as not interested, and Restore lets one be recommended again", async ({ page }) => {
  await signUpAndSignIn(page, newUser("restore"));
  await onboardOverApi(page);
  await page.goto("/home");
  const cards = page.getByTestId("recommendations").getByTestId("media-card");
  await expect(cards.first()).toBeVisible({ timeout: 20_000 });
  // One hidden from its card, one over the API (two rows, for where the focus goes after a Restore).
  const title = (await cards.first().locator(".card-title").textContent())!;
  const [other, otherId] = [(await cards.nth(1).locator(".card-title").textContent())!, (await cards.nth(1).getAttribute("data-media-id"))!];
  await (await openMenu(page, cards.first(), title)).getByRole("menuitem", { name: "Not interested" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Hidden “${title}”` })).toBeVisible();
  const [kind, tmdbId] = otherId.split(":") as [string, string];
  await graphql(page.request, "mutation($media: MediaRefInput!) { dismiss(media: $media) { id } }", {
    media: { type: kind.toUpperCase(), tmdbId: Number(tmdbId) },
  });
  const titles = [title, other];
  await page.waitForLoadState("networkidle");

  await page.goto("/settings");
  const hidden = page.getByRole("list", { name: "Titles you are not interested in" });
  for (const title of titles) await expect(hidden.getByRole("link", { name: title, exact: true })).toBeVisible();
  // Each Restore takes its row away: focus goes to the other row's Restore, then to the panel's heading.
  const restore = (title: string) => page.getByRole("button", { name: `Restore ${title}`, exact: true });
  const [top, bottom] = (await hidden.getByRole("link").allTextContents()) as [string, string];
  await restore(top).click();
  await expect(page.getByText(`Restored “${top}”: it can be recommended again.`)).toBeVisible();
  await expect(restore(bottom)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText(`Restored “${bottom}”: it can be recommended again.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Not interested" })).toBeFocused();
  await expect(page.getByText("Nothing hidden.")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(page.getByText("Nothing hidden.")).toBeVisible();
});

test("taking a title off favourites or the watchlist offers Undo, focused, and Undo puts it back", async ({ page }) => {
  await signUpAndSignIn(page, newUser("undo-lists"));
  const [loved] = await onboardOverApi(page);
  // What the server says of the title once a mutation of it has answered. An Undo is sent once the
  // removal before it has answered (a title's changes reach the API in order), so after the Undo's
  // own answer the server must agree with the page.
  const answered = (operationName: string) =>
    page.waitForResponse((response) => response.url().endsWith("/graphql") && response.request().postDataJSON()?.operationName === operationName);
  const onServer = async () =>
    (
      await graphql<{ media: { isFavourite: boolean; inWatchlist: boolean } }>(
        page.request,
        "query($type: MediaType!, $id: Int!) { media(type: $type, tmdbId: $id) { isFavourite inWatchlist } }",
        { type: loved!.type, id: loved!.tmdbId },
      )
    ).media;
  // When the title was added to each list: Undo puts it back in its place, with that date.
  const addedDates = async () => {
    const lists = await graphql<Record<"favourites" | "watchlist", { edges: { addedAt: string; node: { id: string } }[] }>>(
      page.request,
      "{ favourites(first: 50) { edges { addedAt node { id } } } watchlist(first: 50) { edges { addedAt node { id } } } }",
    );
    const of = (list: "favourites" | "watchlist") => lists[list].edges.find((edge) => edge.node.id === loved!.id)?.addedAt;
    return { favourite: of("favourites"), watchlist: of("watchlist") };
  };
  await graphql(page.request, "mutation($media: MediaRefInput!, $at: DateTimeISO) { addToWatchlist(media: $media, addedAt: $at) { id } }", {
    media: { type: loved!.type, tmdbId: loved!.tmdbId },
    at: "2025-01-02T03:04:05.000Z",
  });
  const before = await addedDates();
  expect(before.watchlist).toBe("2025-01-02T03:04:05.000Z");

  await page.goto("/favourites");
  const favourites = page.getByRole("list", { name: "Your favourites" });
  const favourite = favourites.locator(`[data-media-id="${loved!.id}"]`);
  await (await openMenu(page, favourite, loved!.title)).getByRole("menuitemcheckbox", { name: "Favourite" }).click();
  await expect(favourite).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `Removed “${loved!.title}” from your favourites.` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  const favouriteBack = answered("AddFavourite");
  await page.keyboard.press("Enter");
  await expect(favourite).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);
  // The focus goes to the title it brought back, not to the page's start.
  await expect(favourite.locator("a").first()).toBeFocused();
  await favouriteBack;
  expect(await onServer()).toEqual({ isFavourite: true, inWatchlist: true });

  await page.goto("/watchlist");
  const onList = page.getByRole("list", { name: "To watch" }).locator(`[data-media-id="${loved!.id}"]`);
  await onList.getByRole("button", { name: `Watchlist ${loved!.title}` }).click();
  await expect(onList).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `Removed “${loved!.title}” from your watchlist.` })).toBeVisible();
  const watchlistBack = answered("AddToWatchlist");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(onList).toHaveCount(1);
  await watchlistBack;
  expect(await onServer()).toEqual({ isFavourite: true, inWatchlist: true });
  expect(await addedDates()).toEqual(before);

  // A watched title taken off and put back by Undo is watched again, on the day it was.
  const watchedOn = "2025-06-14T19:30:00.000Z";
  await graphql(page.request, "mutation($media: MediaRefInput!, $at: DateTimeISO) { markWatched(media: $media, watchedAt: $at) { id } }", {
    media: { type: loved!.type, tmdbId: loved!.tmdbId },
    at: watchedOn,
  });
  await page.reload();
  const watchedCard = page.getByRole("list", { name: "Watched" }).locator(`[data-media-id="${loved!.id}"]`);
  await watchedCard.getByRole("button", { name: `Watchlist ${loved!.title}` }).click();
  await expect(watchedCard).toHaveCount(0);
  const watchedBack = answered("MarkWatched");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(watchedCard).toHaveCount(1);
  await watchedBack;
  const watchedAt = async () =>
    (
      await graphql<{ media: { watchedAt: string | null } }>(
        page.request,
        "query($type: MediaType!, $id: Int!) { media(type: $type, tmdbId: $id) { watchedAt } }",
        {
          type: loved!.type,
          id: loved!.tmdbId,
        },
      )
    ).media.watchedAt;
  expect(await watchedAt()).toBe(watchedOn);
  expect((await addedDates()).watchlist).toBe(before.watchlist);
});

test("a favourite made just before a reload is kept: the next page sends what the last left unanswered", async ({ page }) => {
  await signUpAndSignIn(page, newUser("reload-write"));
  await onboardOverApi(page);
  // The favourite's request is held in the browser (never reaches the API), as one is when the page
  // is left before it goes out; everything else passes.
  let holding = true;
  let held!: () => void;
  const heldNow = new Promise<void>((resolve) => (held = resolve));
  await page.route("**/graphql", async (route) => {
    if (holding && route.request().postDataJSON()?.operationName === "AddFavourite") {
      held();
      return; // never answered: the reload abandons it
    }
    await route.continue();
  });
  await page.goto("/home");
  const cards = page.getByTestId("recommendations").getByTestId("media-card");
  await expect(cards.first()).toBeVisible({ timeout: 20_000 });
  const id = (await cards.first().getAttribute("data-media-id"))!;
  const title = (await cards.first().locator(".card-title").textContent())!;
  await (await openMenu(page, cards.first(), title)).getByRole("menuitemcheckbox", { name: "Favourite" }).click();
  await expect(cards.first().getByTitle("In your favourites")).toBeVisible();
  await heldNow;
  const favouriteIds = async () =>
    (
      await graphql<{ favourites: { edges: { node: { id: string } }[] } }>(page.request, "{ favourites(first: 50) { edges { node { id } } } }")
    ).favourites.edges.map((edge) => edge.node.id);
  expect(await favouriteIds(), "the held favourite has not reached the API").not.toContain(id);

  holding = false;
  await page.reload();
  await expect.poll(favouriteIds, { message: "the reloaded page sent the favourite again" }).toContain(id);
  await page.getByRole("link", { name: "Favourites" }).click();
  await expect(page.getByRole("list", { name: "Your favourites" }).locator(`[data-media-id="${id}"]`)).toBeVisible();
  // Sent once and answered: nothing is left unanswered to send again.
  const unanswered = await page.evaluate(() =>
    Object.keys(sessionStorage)
      .filter((key) => key.startsWith("movierec-pending-writes"))
      .flatMap((key) => JSON.parse(sessionStorage.getItem(key) ?? "[]") as { settledAt?: number }[])
      .filter((write) => write.settledAt === undefined),
  );
  expect(unanswered).toEqual([]);
});

test("a change still on its way in one tab is not sent again by a page opened in another", async ({ page, context }) => {
  await signUpAndSignIn(page, newUser("two-tabs"));
  await onboardOverApi(page);
  // The first tab's favourite is held on its way: that page is alive and still waiting on it (an Undo
  // there would go after it), so a page opened in a second tab must not send it a second time.
  let held!: () => void;
  const heldNow = new Promise<void>((resolve) => (held = resolve));
  await page.route("**/graphql", async (route) => {
    if (route.request().postDataJSON()?.operationName === "AddFavourite") return held();
    await route.continue();
  });
  await page.goto("/home");
  const cards = page.getByTestId("recommendations").getByTestId("media-card");
  await expect(cards.first()).toBeVisible({ timeout: 20_000 });
  const firstTitle = (await cards.first().locator(".card-title").textContent())!;
  await (await openMenu(page, cards.first(), firstTitle)).getByRole("menuitemcheckbox", { name: "Favourite" }).click();
  await heldNow;

  const second = await context.newPage();
  const favouritesSent: string[] = [];
  await second.route("**/graphql", async (route) => {
    const body = route.request().postDataJSON();
    if (body?.operationName === "AddFavourite") favouritesSent.push(`${body.variables.media.type.toLowerCase()}:${body.variables.media.tmdbId}`);
    await route.continue();
  });
  await second.goto("/home");
  const secondCards = second.getByTestId("recommendations").getByTestId("media-card");
  await expect(secondCards.nth(1)).toBeVisible({ timeout: 20_000 });
  // The second tab's own favourite, answered: a replay starts as its client opens, before this.
  const otherId = (await secondCards.nth(1).getAttribute("data-media-id"))!;
  const otherTitle = (await secondCards.nth(1).locator(".card-title").textContent())!;
  const otherCard = second.getByTestId("recommendations").locator(`[data-media-id="${otherId}"]`);
  const answered = second.waitForResponse(
    (response) =>
      response.request().postDataJSON()?.operationName === "AddFavourite" &&
      response.request().postDataJSON()?.variables.media.tmdbId === Number(otherId.split(":")[1]),
  );
  await (await openMenu(second, otherCard, otherTitle)).getByRole("menuitemcheckbox", { name: "Favourite" }).click();
  await answered;
  await second.waitForLoadState("networkidle");
  expect(favouritesSent, "the second tab sent only its own favourite").toEqual([otherId]);
});

test("a change answered while the next page was being made shows on that page", async ({ page }) => {
  await signUpAndSignIn(page, newUser("answered-late"));
  await onboardOverApi(page);
  // The card's "Not interested" reaches the API only after the server has made the next page's answers.
  let arrived!: () => void;
  const dismissArrived = new Promise<void>((resolve) => (arrived = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/graphql", async (route) => {
    if (route.request().postDataJSON()?.operationName === "Dismiss") {
      arrived();
      await released;
    }
    await route.continue().catch(() => undefined);
  });
  await page.goto("/home");
  const cards = page.getByTestId("recommendations").getByTestId("media-card");
  await expect(cards.first()).toBeVisible({ timeout: 20_000 });
  const title = (await cards.first().locator(".card-title").textContent())!;
  await (await openMenu(page, cards.first(), title)).getByRole("menuitem", { name: "Not interested" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Hidden “${title}”` })).toBeVisible();
  await dismissArrived;
  await page.context().route(/\/settings$/, async (route) => {
    const made = await route.fetch(); // the server reads the hidden titles: not this one yet
    const answered = page.waitForResponse((response) => response.request().postDataJSON()?.operationName === "Dismiss");
    release();
    await answered; // on the page being left, after its navigation began
    await route.fulfill({ response: made });
  });
  await page.goto("/settings");
  await expect(page.getByRole("list", { name: "Titles you are not interested in" }).getByRole("link", { name: title, exact: true })).toBeVisible();
});

test("a favourite taken off while offline comes back, and the page says why", async ({ page, context }) => {
  await signUpAndSignIn(page, newUser("offline-remove"));
  const [loved] = await onboardOverApi(page);
  await page.goto("/favourites");
  const favourite = page.getByRole("list", { name: "Your favourites" }).locator(`[data-media-id="${loved!.id}"]`);
  const menu = await openMenu(page, favourite, loved!.title);
  await context.setOffline(true);
  await menu.getByRole("menuitemcheckbox", { name: "Favourite" }).click();
  // The card leaves at once (optimistically); the request fails, the card comes back, and the reason
  // is said on the page, not on the card that had left.
  await expect(page.getByRole("alert").filter({ hasText: `Could not save the change to ${loved!.title}: Can’t reach movierec.` })).toBeVisible();
  await expect(favourite).toHaveCount(1);
  await page.getByRole("alert").getByRole("button", { name: "Dismiss message" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Could not save the change" })).toHaveCount(0);
});
