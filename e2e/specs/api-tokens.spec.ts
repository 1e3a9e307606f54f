// A token made in settings works from a plain HTTP client against the API, until it is revoked; a
// read-only one reads and is refused on mutations. Settings links the playground and the API docs.
import { expect, test } from "@playwright/test";
import { apiUrl } from "../playwright.config.ts";
import { newUser, signUpAndSignIn } from "./support/users.ts";

test("an API token from settings works over plain HTTP and stops once revoked", async ({ page, playwright }) => {
  const user = newUser("tokens");
  await signUpAndSignIn(page, user);
  await page.goto("/settings");
  await expect(page.getByRole("link", { name: /Open the playground/ })).toHaveAttribute("href", /\/playground$/);
  await expect(page.getByRole("link", { name: /API reference and getting started/ })).toHaveAttribute("href", /\/docs$/);

  await page.getByLabel("Token name").fill("E2E client");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token-secret").textContent())!.trim();
  expect(secret).toMatch(/^mr_/);

  const client = await playwright.request.newContext(); // no cookies: a plain HTTP client
  const ask = () => client.post(`${apiUrl}/graphql`, { headers: { Authorization: `Bearer ${secret}` }, data: { query: "{ me { email } }" } });
  const before = await ask();
  expect(before.status()).toBe(200);
  expect((await before.json()).data).toEqual({ me: { email: user.email } });

  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("new-token-secret")).toHaveCount(0);
  // Revoking asks first: a token cannot be brought back. Cancelled, nothing happens.
  const revoke = page.getByRole("button", { name: "Revoke E2E client" });
  const confirmation = new Promise<string>((resolve) =>
    page.once("dialog", (dialog) => {
      resolve(dialog.message());
      void dialog.dismiss();
    }),
  );
  await revoke.click();
  expect(await confirmation).toBe("Revoke “E2E client”? Whatever uses it stops working at once, and it cannot be undone.");
  expect((await ask()).status()).toBe(200);
  page.once("dialog", (dialog) => void dialog.accept());
  await revoke.click();
  await expect(page.getByText("Revoked “E2E client”.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Revoke E2E client" })).toHaveCount(0);
  // Its button left with it: focus is on the panel's heading (no other token to revoke), not the page's start.
  await expect(page.getByRole("heading", { level: 2, name: "API tokens" })).toBeFocused();

  await expect.poll(async () => (await ask()).status()).toBe(401);
  const after = (await (await ask()).json()) as { errors?: { extensions?: { code?: string } }[] };
  expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

  // A read-only token: the box for write access unticked.
  await page.getByLabel("Token name").fill("E2E reader");
  await page.getByLabel("Can change things (write)").uncheck();
  await page.getByRole("button", { name: "Create token" }).click();
  const reader = (await page.getByTestId("new-token-secret").textContent())!.trim();
  await expect(page.getByText("read only")).toBeVisible();
  const asReader = (query: string) => client.post(`${apiUrl}/graphql`, { headers: { Authorization: `Bearer ${reader}` }, data: { query } });
  expect(((await (await asReader("{ me { email } }")).json()) as { data: { me: { email: string } } }).data.me.email).toBe(user.email);
  const write = await asReader("mutation { updatePreferences(input: { onboarded: true }) { onboarded } }");
  expect(write.headers()["www-authenticate"]).toContain('error="insufficient_scope"');
  expect(((await write.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("FORBIDDEN");
  await client.dispose();
});
