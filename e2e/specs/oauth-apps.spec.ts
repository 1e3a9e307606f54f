// Third-party apps as people meet them in the browser: a developer registers an app in Settings;
// another person is sent by the app to movierec, signs in, reads the consent page and allows it;
// the app exchanges the code (PKCE) and reads as that person until it is revoked in Settings. And
// a CLI's device flow: the person opens the link the CLI prints, allows it, and the CLI gets tokens.
import { createHash, randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { apiUrl } from "../playwright.config.ts";
import { newUser, signUpAndSignIn } from "./support/users.ts";

const REDIRECT_URI = "http://127.0.0.1:9/film-diary/callback";

async function registerApp(page: Page, name: string): Promise<string> {
  const developer = newUser("developer");
  await signUpAndSignIn(page, developer);
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Register an app" });
  await form.getByLabel("App name").fill(name);
  await form.getByLabel("Redirect URIs (one per line)").fill(REDIRECT_URI);
  await form.getByRole("button", { name: "Register app" }).click();
  await expect(page.getByText(`Registered ${name}`)).toBeVisible();
  const clientId = (await page.getByTestId("client-id").first().textContent())!.trim();
  expect(clientId).toMatch(/^mrapp_/);
  await page.context().clearCookies();
  return clientId;
}

const form = (fields: Record<string, string>) => ({
  headers: { "content-type": "application/x-www-form-urlencoded" },
  data: new URLSearchParams(fields).toString(),
});

test("an app sends a person to movierec, who allows it on the consent page; its token reads until revoked in Settings", async ({ page, playwright }) => {
  const clientId = await registerApp(page, "Film Diary");
  const person = newUser("allows-app");
  await signUpAndSignIn(page, person);
  // The person changed their email since signing in: the consent page names them by the new one.
  const newEmail = newUser("allows-app-renamed").email;
  await page.goto("/settings");
  const changeEmail = page.getByRole("form", { name: "Change email" });
  await changeEmail.getByLabel("New email").fill(newEmail);
  await changeEmail.getByLabel("Password").fill(person.password);
  await changeEmail.getByRole("button", { name: "Change email" }).click();
  await expect(page.getByText(`Email changed: sign in with ${newEmail} from now on.`)).toBeVisible();

  // The app's side: PKCE, then the person's browser goes to the authorization endpoint.
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const state = randomBytes(8).toString("hex");
  const authorize = `${apiUrl}/oauth/auth?${new URLSearchParams({ client_id: clientId, response_type: "code", redirect_uri: REDIRECT_URI, scope: "read", state, code_challenge: challenge, code_challenge_method: "S256" })}`;
  let callback: URL | undefined;
  await page.route("http://127.0.0.1:9/**", async (route) => {
    callback = new URL(route.request().url());
    await route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Back in Film Diary</h1>" });
  });
  await page.goto(authorize);
  await expect(page.getByRole("heading", { name: "Allow Film Diary into your movierec account?" })).toBeVisible();
  await expect(page.getByText(newEmail)).toBeVisible();
  await expect(page.getByText(person.email)).toHaveCount(0);
  await expect(page.getByText(/See your ratings/)).toBeVisible();
  await expect(page.getByText(/Change them/)).toHaveCount(0);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: "Back in Film Diary" })).toBeVisible();
  expect(callback?.searchParams.get("state")).toBe(state);
  const code = callback!.searchParams.get("code")!;

  const app = await playwright.request.newContext(); // the app's server: no cookies
  const exchanged = await app.post(
    `${apiUrl}/oauth/token`,
    form({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, client_id: clientId, code_verifier: verifier }),
  );
  expect(exchanged.status()).toBe(200);
  const tokens = (await exchanged.json()) as { access_token: string; refresh_token: string; scope: string };
  expect(tokens.scope).toBe("read");
  const me = () => app.post(`${apiUrl}/graphql`, { headers: { authorization: `Bearer ${tokens.access_token}` }, data: { query: "{ me { email } }" } });
  expect(((await (await me()).json()) as { data: { me: { email: string } } }).data.me.email).toBe(newEmail);

  await page.goto("/settings");
  const allowed = page.getByRole("list", { name: "Apps you allowed" });
  await expect(allowed.getByText("Film Diary")).toBeVisible();
  await expect(allowed.getByText("read only")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept()); // "Take away Film Diary's access?"
  await page.getByRole("button", { name: "Revoke Film Diary" }).click();
  await expect(page.getByText("Film Diary can no longer use your account.")).toBeVisible();
  // Its row left with the list's refetch: focus is on the panel's heading, not the page's start.
  await expect(page.getByRole("heading", { level: 2, name: "Apps", exact: true })).toBeFocused();
  await expect.poll(async () => (await me()).status()).toBe(401);
  await app.dispose();
});

test("a CLI's device flow: the person opens the link it prints, signs in, allows it, and the CLI gets tokens", async ({ page, playwright }) => {
  const clientId = await registerApp(page, "Terminal Picks");
  const cli = await playwright.request.newContext();
  const started = await cli.post(`${apiUrl}/oauth/device/auth`, form({ client_id: clientId, scope: "read write" }));
  expect(started.status()).toBe(200);
  const device = (await started.json()) as { device_code: string; user_code: string; verification_uri_complete: string };
  const poll = async () =>
    (await (
      await cli.post(
        `${apiUrl}/oauth/token`,
        form({ grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code: device.device_code, client_id: clientId }),
      )
    ).json()) as Record<string, string>;
  expect((await poll()).error).toBe("authorization_pending");

  // Signed out: the link leads through sign-in and back to the code.
  const person = newUser("device");
  await signUpAndSignIn(page, person);
  await page.context().clearCookies();
  await page.goto(device.verification_uri_complete);
  await expect(page).toHaveURL(/\/signin\?next=/);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Allow Terminal Picks into your movierec account?" })).toBeVisible();
  await expect(page.getByText(/Change them/)).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: "Device connected" })).toBeVisible();

  await expect.poll(async () => (await poll()).access_token ?? "", { intervals: [6_000], timeout: 30_000 }).not.toBe("");
  await cli.dispose();

  // Revoked while the list's refetch is slow, and the person has moved on meanwhile: when the row
  // leaves, their focus stays where they put it.
  await page.goto("/settings");
  const revoke = page.getByRole("button", { name: "Revoke Terminal Picks" });
  await expect(revoke).toBeVisible();
  await page.route("**/graphql", async (route) => {
    if (route.request().postDataJSON()?.operationName === "OAuthApps") await new Promise((resolve) => setTimeout(resolve, 2_500));
    await route.continue().catch(() => undefined);
  });
  page.once("dialog", (dialog) => void dialog.accept());
  await revoke.click();
  await page.getByLabel("Token name").focus();
  await expect(revoke).toHaveCount(0);
  await expect(page.getByText("Terminal Picks can no longer use your account.")).toBeVisible();
  await expect(page.getByLabel("Token name")).toBeFocused();
});

test("a consent answered in another tab says so when answered again, instead of an error page", async ({ page, context }) => {
  const clientId = await registerApp(page, "Twice Told");
  await signUpAndSignIn(page, newUser("consents-twice"));
  const challenge = createHash("sha256").update(randomBytes(32).toString("base64url")).digest("base64url");
  const authorize = `${apiUrl}/oauth/auth?${new URLSearchParams({ client_id: clientId, response_type: "code", redirect_uri: REDIRECT_URI, scope: "read", state: "s", code_challenge: challenge, code_challenge_method: "S256" })}`;
  await page.goto(authorize);
  const consent = page.url();
  const other = await context.newPage();
  await other.goto(consent);
  await expect(other.getByRole("button", { name: "Allow" })).toBeVisible();

  // Answered here: the browser leaves for the app (whose address this test does not serve).
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).not.toHaveURL(/\/oauth\/authorize\//);
  await other.getByRole("button", { name: "Allow" }).click();
  await expect(other.getByRole("heading", { name: "This request cannot be answered" })).toBeVisible();
  await expect(other.getByText("Application error")).toHaveCount(0);
});
