// Bringing your history from Letterboxd in the browser: upload the export ZIP in Settings, watch the
// import finish (and still see it after a reload), then find the liked films among favourites, the
// ratings on title pages, and recommendations made from them.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { strToU8, zipSync } from "fflate";
import { graphql, newUser, signUpAndSignIn } from "./support/users.ts";

interface Film {
  id: string;
  tmdbId: number;
  title: string;
  year: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const csvCell = (value: string | number) => (/[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
const csv = (rows: Array<Array<string | number>>) => strToU8(`${rows.map((row) => row.map(csvCell).join(",")).join("\n")}\n`);

test("import a Letterboxd export and see it in favourites, ratings and recommendations", async ({ page }) => {
  await signUpAndSignIn(page, newUser("import"));
  await graphql(page.request, "mutation { updatePreferences(input: { onboarded: true }) { onboarded } }");
  const { browse } = await graphql<{ browse: { edges: { node: Film }[] } }>(
    page.request,
    "{ browse(filter: { type: MOVIE }, sort: POPULARITY, first: 40) { edges { node { id tmdbId title year } } } }",
  );
  const films = browse.edges.map((edge) => edge.node).filter((film, _, all) => film.year && all.filter((other) => other.title === film.title).length === 1);
  expect(films.length).toBeGreaterThanOrEqual(7);
  const [liked, rated, ...watched] = films.slice(0, 6) as [Film, Film, ...Film[]];
  const chosen = films[6]!;
  const before = await graphql<{ recommendations: { coldStart: boolean } }>(page.request, "{ recommendations(first: 5) { coldStart } }");
  expect(before.recommendations.coldStart).toBe(true);

  const uri = "https://boxd.it/x";
  const zip = zipSync({
    "profile.csv": strToU8("Username\ne2e\n"),
    "ratings.csv": csv([
      ["Date", "Name", "Year", "Letterboxd URI", "Rating"],
      ["2024-05-01", rated.title, rated.year, uri, 4],
    ]),
    "watched.csv": csv([["Date", "Name", "Year", "Letterboxd URI"], ...watched.map((film) => ["2024-04-01", film.title, film.year, uri])]),
    "likes/films.csv": csv([
      ["Date", "Name", "Year", "Letterboxd URI"],
      ["2024-03-01", liked.title, liked.year, uri],
    ]),
    "watchlist.csv": csv([
      ["Date", "Name", "Year", "Letterboxd URI"],
      ["2024-02-01", "A Film That Does Not Exist Anywhere", 1999, uri],
    ]),
  });
  const rows = 1 + watched.length + 1 + 1;

  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Import your history" });
  await section.getByLabel(/Export file/).setInputFiles({ name: "letterboxd-e2e-2024-06-01.zip", mimeType: "application/zip", buffer: Buffer.from(zip) });
  await section.getByRole("button", { name: "Import" }).click();
  const imported = section.getByTestId("import").filter({ hasText: "letterboxd-e2e-2024-06-01.zip" });
  await expect(imported.getByTestId("import-status")).toHaveText(`Done: ${rows - 1} of ${rows} rows added, 1 not matched.`, { timeout: 60_000 });
  await expect(imported.getByRole("progressbar")).toHaveAttribute("value", String(rows));

  // Still there after a reload, with the row that did not match and why.
  await page.reload();
  const again = page.getByRole("region", { name: "Import your history" }).getByTestId("import").filter({ hasText: "letterboxd-e2e-2024-06-01.zip" });
  await again.getByRole("button", { name: "Show the rows not matched" }).click();
  await expect(again.getByRole("list", { name: /not matched/ })).toContainText(
    "A Film That Does Not Exist Anywhere (1999) — watchlist.csv line 2: No film called",
  );

  // Settled by hand: it is another film, which goes on the watchlist as the row said.
  await again.getByRole("button", { name: "Choose the title for A Film That Does Not Exist Anywhere (1999)" }).click();
  await again.getByLabel("Search for A Film That Does Not Exist Anywhere (1999)").fill(chosen.title);
  await again.getByRole("button", { name: "Search", exact: true }).click();
  await again
    .getByRole("list", { name: /Titles that may be/ })
    .getByRole("button", { name: new RegExp(`^It is ${escapeRegExp(chosen.title)}`) })
    .first()
    .click();
  await expect(again.getByTestId("import-status")).toHaveText(`Done: ${rows} of ${rows} rows added.`);
  const { watchlist } = await graphql<{ watchlist: { edges: { node: { id: string } }[] } }>(page.request, "{ watchlist(first: 10) { edges { node { id } } } }");
  expect(watchlist.edges.map((edge) => edge.node.id)).toContain(chosen.id);

  await page.goto("/favourites");
  await expect(page.locator(`[data-media-id="${liked.id}"]`)).toBeVisible();
  await page.goto(`/title/movie/${rated.tmdbId}`);
  await expect(page.getByTestId("star-rating").getByRole("status")).toHaveText("4 stars");

  const after = await graphql<{ recommendations: { coldStart: boolean; edges: { node: { media: { id: string } } }[] } }>(
    page.request,
    "{ recommendations(first: 20) { coldStart edges { node { media { id } } } } }",
  );
  expect(after.recommendations.coldStart).toBe(false);
  const recommended = after.recommendations.edges.map((edge) => edge.node.media.id);
  for (const film of [liked, rated, ...watched]) expect(recommended).not.toContain(film.id);

  // And out again: the movierec export holds the rating and the like.
  await page.goto("/settings");
  const exportSection = page.getByRole("region", { name: "Export your data" });
  const [download] = await Promise.all([page.waitForEvent("download"), exportSection.getByRole("button", { name: "Everything (movierec JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^movierec-export-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8")) as { interactions: Array<{ tmdbId: number; kind: string; rating?: number }> };
  expect(exported.interactions).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ tmdbId: rated.tmdbId, kind: "rating", rating: 8 }),
      expect.objectContaining({ tmdbId: liked.tmdbId, kind: "favourite" }),
    ]),
  );
  await page.getByRole("region", { name: "Import your history" }).screenshot({ path: "test-results/screenshots/settings-import.png" });
});
