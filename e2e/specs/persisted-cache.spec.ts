// A repeat visit paints the persisted recommendations before any /graphql response arrives, and
// sign-out leaves none of the user's data in localStorage.
import { expect, test } from "@playwright/test";
import { graphql, newUser, onboardOverApi, signUpAndSignIn } from "./support/users.ts";

const cachedKeys = () => Object.keys(window.localStorage).filter((key) => key.startsWith("movierec-apollo"));

test("reload paints from the persisted cache; sign-out clears it", async ({ page }) => {
  const user = newUser("cache");
  await signUpAndSignIn(page, user);
  await onboardOverApi(page);
  const { me } = await graphql<{ me: { id: string } }>(page.request, "{ me { id } }");

  await page.goto("/home");
  const cards = page.getByTestId("recommendations").getByTestId("media-card");
  await expect(cards.first()).toBeVisible({ timeout: 20_000 });
  const firstId = await cards.first().getAttribute("data-media-id");
  // The persistor writes shortly after the cache changes.
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          Object.entries(window.localStorage)
            .filter(([key]) => key.startsWith("movierec-apollo"))
            .map(([, value]) => value)
            .join(""),
        ),
      { timeout: 10_000 },
    )
    .toContain(firstId!);
  const keys = await page.evaluate(cachedKeys);
  expect(keys).toHaveLength(1);
  expect(keys[0]).toContain(me.id); // keyed to the user (and to the schema version)

  // Hold every /graphql response back: whatever shows first comes from localStorage.
  const finished: string[] = [];
  page.on("requestfinished", (request) => request.url().includes("/graphql") && finished.push(request.url()));
  await page.route("**/graphql*", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    await route.continue().catch(() => undefined);
  });
  await page.reload();
  await expect(cards.first()).toBeVisible({ timeout: 5_000 });
  expect(finished).toEqual([]);
  await expect(page.getByTestId("recommendations").locator(`[data-media-id="${firstId}"]`)).toBeVisible();
  await page.unroute("**/graphql*");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "movierec" })).toBeVisible();
  const storage = await page.evaluate(() => JSON.stringify(window.localStorage));
  expect(await page.evaluate(cachedKeys)).toEqual([]);
  expect(storage).not.toContain(me.id);
  expect(storage).not.toContain(user.email);
  expect(storage).not.toContain(firstId!);
});
