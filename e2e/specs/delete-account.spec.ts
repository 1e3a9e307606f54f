// Deleting an account from Settings: a wrong password keeps it; the right one (and the "cannot be
// undone" box) deletes it, signs the browser out, and the same email and password no longer sign in.
import { expect, test } from "@playwright/test";
import { CRIME, graphql, newUser, resetRetried, signUpAndSignIn, titlesInGenre } from "./support/users.ts";

test("delete your account from settings", async ({ page }) => {
  const user = newUser("delete");
  await signUpAndSignIn(page, user);
  const [media] = await titlesInGenre(page.request, CRIME.id, 1);
  await graphql(page.request, "mutation($media: MediaRefInput!) { addFavourite(media: $media) { id } }", { media: { type: "MOVIE", tmdbId: media!.tmdbId } });

  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Delete your account" });
  const submit = section.getByRole("button", { name: "Delete my account" });
  await expect(submit).toBeDisabled();
  await section.getByLabel("Your password").fill("not the password");
  await section.getByLabel("I understand this cannot be undone").check();
  await submit.click();
  await expect(section.getByText(/not your password; your account was not deleted/)).toBeVisible();

  await section.getByLabel("Your password").fill(user.password);
  await submit.click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(page.getByRole("status").filter({ hasText: "Your account and everything in it have been deleted." })).toBeVisible();
  expect(await (await resetRetried(() => page.request.get("/api/auth/session"))).json()).toEqual({});

  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
});
