// Settings' first load: the page asked its panels' first queries on the server and seeded the
// browser's cache with the answers (app/(app)/settings/page.tsx, lib/cache-seed.ts), so the panels
// show without a round trip each; only the services panel's lists are asked by the browser.
import { expect, test } from "@playwright/test";
import { graphql, newUser, onboardOverApi, signUpAndSignIn } from "./support/users.ts";

test("settings' panels show the server's answers: the browser asks the API only for the services panel's lists", async ({ page }) => {
  const user = newUser("settings-seed");
  await signUpAndSignIn(page, user);
  await onboardOverApi(page);
  await graphql(page.request, 'mutation { createApiToken(input: { name: "Seeded token" }) { secret } }');
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/graphql") asked.push(String(request.postDataJSON()?.operationName));
  });
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 2, name: "Preferences" })).toBeVisible({ timeout: 20_000 });
  // Later panels, each from the seed: the token made before the page, the account's address.
  await expect(page.getByRole("button", { name: "Revoke Seeded token" })).toBeVisible();
  await expect(page.getByText("Signed in as")).toContainText(user.email);
  expect(asked.filter((name) => name !== "WatchServices")).toEqual([]);
});
