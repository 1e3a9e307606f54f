// A signed-in page that throws while rendering (here: an answer whose shape the page did not expect)
// shows the page's own words, Try again and the start page inside the site's header and footer, not
// Next's bare "Application error"; Try again brings the page back once the answer is right.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { newUser, signUpAndSignIn } from "./support/users.ts";

const shell = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../apps/web/messages/en/shell.json"), "utf8"));

test("a page that throws shows words, Try again and the way out, and Try again recovers", async ({ page }) => {
  await signUpAndSignIn(page, newUser("error-page"));
  await page.goto("/search");
  let broken = true;
  await page.route("**/graphql", async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (!broken || body?.operationName !== "Search") return route.continue();
    // The real answer with each title's name turned into an object: React cannot render it, so
    // the view throws while rendering, as a page does on an answer it did not expect.
    const response = await route.fetch();
    const json = (await response.json()) as { data: { searchMedia: { edges: Array<{ node: { title: unknown } }> } } };
    for (const edge of json.data.searchMedia.edges) edge.node.title = { unexpected: true };
    await route.fulfill({ response, json });
  });
  const search = page.getByRole("search");
  await search.getByLabel("Title").fill("the");
  await search.getByRole("button", { name: "Search" }).click();

  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: "Something went wrong." })).toBeVisible();
  await expect(main.getByText("movierec could not show this page.")).toBeVisible();
  await expect(main.getByRole("link", { name: "Go to the start page" })).toHaveAttribute("href", "/");
  await expect(page.getByText("Application error")).toHaveCount(0);
  // The site's navigation stays: the person is still somewhere they know.
  await expect(page.getByRole("navigation", { name: shell.mainNavigation }).getByRole("link", { name: shell.nav.search, exact: true })).toBeVisible();

  broken = false;
  await main.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("listitem").first()).toBeVisible();
  await expect(main.getByRole("heading", { name: "Something went wrong." })).toHaveCount(0);
});
