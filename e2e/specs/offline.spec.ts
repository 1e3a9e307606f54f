// Offline: a banner says so, a request that cannot reach the server says what to do (not "Failed to
// fetch"), and the page tries again by itself once the connection is back.
import { expect, test } from "@playwright/test";
import { newUser, signUpAndSignIn } from "./support/users.ts";

test("offline: a banner, a human error, and a retry when the connection is back", async ({ page, context }) => {
  await signUpAndSignIn(page, newUser("offline"));
  await page.goto("/search");
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  // The heading is in the document; the form is enabled once the page's view has loaded (going
  // offline before that leaves the page without its code: "This page couldn't load").
  await expect(page.getByRole("search").getByRole("button", { name: "Search" })).toBeEnabled();

  await context.setOffline(true);
  await expect(page.getByRole("status").filter({ hasText: "You are offline." })).toBeVisible();
  const search = page.getByRole("search");
  await search.getByLabel("Title").fill("the");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Can’t reach movierec." })).toBeVisible();
  await expect(page.getByText("Failed to fetch")).toHaveCount(0);

  await context.setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: "You are offline." })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("listitem").first()).toBeVisible();
});

test("offline, an action in Settings says why it failed in the page's words, not the browser's", async ({ page, context }) => {
  await signUpAndSignIn(page, newUser("offline-action"));
  await page.goto("/settings");
  const create = page.getByRole("button", { name: "Create token" });
  await expect(create).toBeEnabled();
  await page.getByLabel("Token name").fill("Offline client");
  await context.setOffline(true);
  await create.click();
  await expect(page.getByText("Could not create the token: Can’t reach movierec.")).toBeVisible();
  await expect(page.getByText("Failed to fetch")).toHaveCount(0);
});
