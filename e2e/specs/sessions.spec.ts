// Signing out ends the session everywhere at once: the old cookie no longer works at the web app
// or at the API. "Sign out everywhere" in settings ends every other browser's session too.
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { graphql, newUser, signInAs, signUpAndSignIn } from "./support/users.ts";

async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies();
  const session = cookies.filter((cookie) => cookie.name.startsWith("next-auth.session-token"));
  expect(session.length).toBeGreaterThan(0);
  return session.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

test("a signed-out cookie no longer works at the web app or the API", async ({ page, playwright, baseURL }) => {
  const user = newUser("signout");
  await signUpAndSignIn(page, user);
  const stolen = await sessionCookie(page.context());
  await page.goto("/home");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);

  // Someone who copied the cookie before the sign-out:
  const thief = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: stolen } });
  try {
    expect(await (await thief.get("/api/auth/session")).json()).toEqual({});
    const me = await thief.post("/graphql", { data: { query: "{ me { id } }" } });
    expect(((await me.json()) as { data: { me: unknown } }).data.me).toBeNull();
  } finally {
    await thief.dispose();
  }
});

test("a sign-out that cannot end the session keeps the person signed in and says so; the next try signs out", async ({ page }) => {
  const user = newUser("signout-fails");
  await signUpAndSignIn(page, user);
  await page.goto("/home");
  // The first step, ending the session at the API (a server action), does not go through.
  await page.route("**/*", (route) => (route.request().headers()["next-action"] ? route.abort("connectionrefused") : route.fallback()));
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You are still signed in" })).toBeVisible();
  // Still signed in here (a new person's home may have moved on to onboarding meanwhile) and at the API.
  await expect(page.getByRole("button", { name: "Sign out" })).toBeEnabled();
  expect((await graphql<{ me: { id: string } | null }>(page.request, "{ me { id } }")).me).not.toBeNull();
  expect(await (await page.request.get("/api/auth/session")).json()).toHaveProperty("user");

  await page.unrouteAll();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
});

/** The keys this page's browser keeps of a signed-in person (lib/persisted-data.ts). */
const keptData = (page: Page) =>
  page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) => key.startsWith("movierec-")));

test("sign out everywhere ends the person's sessions in other browsers, and they keep nothing of theirs", async ({ browser, page }) => {
  const user = newUser("everywhere");
  await signUpAndSignIn(page, user);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  try {
    await signInAs(otherPage, user);
    // The other browser has kept the person's lists and recommendations (the persisted cache).
    await otherPage.goto("/home");
    await expect.poll(() => keptData(otherPage), { timeout: 20_000 }).toContainEqual(expect.stringMatching(/^movierec-apollo:/));
    await page.goto("/settings");
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/$/);
    // The other browser's cookie is refused by the API at once, and by the web app within seconds.
    const me = await graphql<{ me: unknown }>(otherPage.request, "{ me { id } }");
    expect(me.me).toBeNull();
    // Its own sign-out never ran. The person there moves between sections (client-side navigations,
    // the live Apollo client still persisting) until the web app finds the session ended and sends
    // the page to /signin, which removes what this browser kept without a reload.
    await expect(async () => {
      const section = otherPage.url().includes("/browse") ? "Home" : "Browse";
      await otherPage.getByRole("link", { name: section, exact: true }).first().click();
      await expect(otherPage).toHaveURL(/\/signin/, { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await expect.poll(() => keptData(otherPage)).toEqual([]);
  } finally {
    await other.close();
  }
});

test("changing the password in settings signs the other browsers out, keeps this one, and the new password signs in", async ({ browser, page }) => {
  const user = newUser("password");
  await signUpAndSignIn(page, user);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  try {
    await signInAs(otherPage, user);
    await page.goto("/settings");
    const form = page.getByRole("form", { name: "Change password" });
    await form.getByLabel("Current password").fill("not my password");
    await form.getByLabel("New password", { exact: true }).fill("a new long password");
    await form.getByLabel("New password again").fill("a new long password");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByRole("alert")).toContainText("not your current password");

    await form.getByLabel("Current password").fill(user.password);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Password changed. Another device was signed out." })).toBeVisible();
    // This browser stays signed in; the other is refused by the API at once.
    expect((await graphql<{ me: { id: string } | null }>(page.request, "{ me { id } }")).me).not.toBeNull();
    expect((await graphql<{ me: unknown }>(otherPage.request, "{ me { id } }")).me).toBeNull();
    await signInAs(otherPage, { ...user, password: "a new long password" });
    expect((await graphql<{ me: { id: string } | null }>(otherPage.request, "{ me { id } }")).me).not.toBeNull();
  } finally {
    await other.close();
  }
});

test("changing the email in settings shows the new address, and the next sign-in uses it", async ({ browser, page }) => {
  const user = newUser("email");
  await signUpAndSignIn(page, user);
  const renamed = newUser("email-renamed").email;
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Change email" });
  await form.getByLabel("New email").fill(renamed);
  await form.getByLabel("Password").fill("not my password");
  await form.getByRole("button", { name: "Change email" }).click();
  await expect(form.getByRole("alert")).toContainText("not your password");

  await form.getByLabel("Password").fill(user.password);
  await form.getByRole("button", { name: "Change email" }).click();
  await expect(page.getByRole("status").filter({ hasText: `sign in with ${renamed.toLowerCase()}` })).toBeVisible();
  await expect(page.getByText("Signed in as")).toContainText(renamed.toLowerCase());
  // Still signed in here; another browser signs in with the new address.
  expect((await graphql<{ me: { id: string } | null }>(page.request, "{ me { id } }")).me).not.toBeNull();
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await signInAs(otherPage, { ...user, email: renamed });
    expect((await graphql<{ me: { email: string } | null }>(otherPage.request, "{ me { email } }")).me?.email).toBe(renamed.toLowerCase());
  } finally {
    await other.close();
  }
});
