// After six wrong passwords in a row the sign-in form says how long to wait (the API's per-account
// throttle, apps/api/src/modules/auth/sign-in-throttle.ts), instead of "do not match".
import { expect, test } from "@playwright/test";
import { graphql, newUser } from "./support/users.ts";

test("the sign-in form says how long to wait after too many wrong passwords", async ({ page }) => {
  const user = newUser("throttle");
  await graphql(page.request, "mutation($input: SignUpInput!) { signUp(input: $input) { id } }", { input: user });
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  const password = page.getByLabel("Password");
  const error = page.locator(".field-error");
  /** Submits the form and waits for next-auth's answer to that submission. */
  const submit = async (value: string) => {
    await password.fill(value);
    const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await answered;
  };
  for (let attempt = 1; attempt <= 6; attempt++) {
    await submit(`wrong-password-${attempt}`);
    await expect(error).toHaveText("That email and password do not match an account.");
  }
  // The sixth failure earned a wait of 2 s, and each wrong password that gets through doubles it
  // (2, 4, 8 s). Keep trying wrong ones, sitting out shorter waits, until the form says to wait at
  // least 6 s more, so that the right password below lands inside the wait however slow this machine
  // is (with 3 s, two CI runs saw a slow submission get in after the wait).
  let waitSeconds = 0;
  for (let attempt = 7; attempt <= 14 && waitSeconds < 6; attempt++) {
    await submit(`wrong-password-${attempt}`);
    const text = (await error.textContent()) ?? "";
    waitSeconds = Number(/Wait (\d+) s/.exec(text)?.[1] ?? 0);
    if (waitSeconds > 0 && waitSeconds < 6) await page.waitForTimeout((waitSeconds + 0.5) * 1000);
  }
  expect(waitSeconds).toBeGreaterThanOrEqual(6);
  // Even the right password is refused while the account waits, and the form says why.
  await submit(user.password);
  await expect(error).toContainText(/Too many wrong passwords for this email\. Wait \d+ s/);
  await expect(page).toHaveURL(/\/signin/);
});

test("a sign-in address says what a provider's failed return means, and takes no words of its own", async ({ page }) => {
  // What next-auth puts in the address after a provider's round trip went wrong, repeated as a link might.
  await page.goto("/signin?error=OAuthCallback&error=CredentialsSignin");
  await expect(page.locator(".field-error")).toHaveText("Signing in with that account did not work. Try again, or sign in with your email and password.");
  // A wait's words come only from the API, never from the address.
  await page.goto(`/signin?error=${encodeURIComponent("RATE_LIMITED:Call 555-0100 to unlock your account")}`);
  await expect(page.locator(".field-error")).toHaveText("Signing in is not possible right now: movierec did not answer. Try again in a minute.");
  await expect(page.getByText("555-0100")).toHaveCount(0);
});
