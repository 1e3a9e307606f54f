// A new person signs up in the browser, completes onboarding, and gets recommendations whose
// reasons follow what they picked.
import { expect, test } from "@playwright/test";
import { CRIME, graphql, newUser, signUpAndSignIn, titlesInGenre } from "./support/users.ts";

test("sign up, onboarding, and recommendations with reasons from the picked genre and titles", async ({ page }) => {
  const user = newUser("onboarding");
  const loved = await titlesInGenre(page.request, CRIME.id, 3);

  await page.goto("/signup");
  await page.getByLabel("Name (optional)").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);

  await page.getByRole("checkbox", { name: CRIME.name, exact: true }).check();
  await page.getByRole("checkbox", { name: "English" }).check();
  for (const media of loved) {
    await page.getByLabel("Find a film or series").fill(media.title);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const love = page.getByRole("button", { name: `Love ${media.title}`, exact: true }).first();
    await love.click();
    await expect(love).toHaveAttribute("aria-pressed", "true");
  }
  await expect(page.getByText("3 of 3 loved")).toBeVisible();
  await page.getByRole("button", { name: "See my recommendations" }).click();

  await expect(page).toHaveURL(/\/home$/);
  const recommendations = page.getByTestId("recommendations");
  await expect(recommendations.getByTestId("media-card").first()).toBeVisible({ timeout: 20_000 });
  const reasons = await recommendations.locator(".reasons li").allTextContents();
  expect(reasons.length).toBeGreaterThan(0);
  const pickedWords = [CRIME.name, ...loved.map((media) => media.title)];
  const reflecting = reasons.filter((reason) => pickedWords.some((word) => reason.includes(word)));
  expect(reflecting.length, `reasons: ${reasons.join(" | ")}`).toBeGreaterThan(0);
  // None of the loved titles is recommended back.
  for (const media of loved) await expect(recommendations.locator(`[data-media-id="${media.id}"]`)).toHaveCount(0);
});

test("the poster wall: three taps on posters finish onboarding, no genre needed, and home has shelves from them", async ({ page }) => {
  await signUpAndSignIn(page, newUser("poster-wall"));
  await page.goto("/onboarding");
  const wall = page.getByRole("list", { name: "Popular and acclaimed titles" });
  await expect(wall.getByRole("button").nth(2)).toBeVisible({ timeout: 20_000 });
  const finish = page.getByRole("button", { name: "See my recommendations" });
  await expect(finish).toBeDisabled();
  const picked: string[] = [];
  for (let index = 0; index < 3; index++) {
    const poster = wall.getByRole("button").nth(index);
    picked.push(((await poster.getAttribute("aria-label")) ?? "").replace(/^Love /, ""));
    await poster.click();
    await expect(poster).toHaveAttribute("aria-pressed", "true");
  }
  await expect(page.getByText("3 of 3 loved")).toBeVisible();
  // Tapping again takes a title back.
  await wall.getByRole("button").nth(2).click();
  await expect(page.getByText("2 of 3 loved")).toBeVisible();
  await expect(finish).toBeDisabled();
  await wall.getByRole("button").nth(2).click();
  await finish.click();

  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { level: 2, name: "Top picks for you" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("recommendations").getByTestId("media-card").first()).toBeVisible();
  // The taps were favourites, saved.
  const { favourites } = await graphql<{ favourites: { edges: { node: { title: string } }[] } }>(
    page.request,
    "{ favourites(first: 10) { edges { node { title } } } }",
  );
  expect(favourites.edges.map((edge) => edge.node.title).sort()).toEqual([...picked].sort());
});
