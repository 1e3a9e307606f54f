// The stack as the start command runs it: the web app answers in a real browser, the API is
// ready against Postgres and Redis, and says it is running on the offline catalogue.
import { expect, test } from "@playwright/test";
import { apiUrl } from "../playwright.config.ts";

test("the landing page renders without console errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "movierec" })).toBeVisible();
  expect(errors).toEqual([]);
  // Browsers ask for /favicon.ico where a page names no icon (the 404 page): it is the app's icon.
  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toContain("image/svg+xml");
});

test("the API is ready and reports the offline catalogue", async ({ request }) => {
  const ready = await request.get(`${apiUrl}/readyz`);
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: "ready", postgres: "ok", redis: "ok", tmdb: "offline" });

  // The schema has no serverInfo query (readyz above reports the TMDB mode): ask for something it has.
  const graphql = await request.post(`${apiUrl}/graphql`, { data: { query: "{ me { id } }" } });
  expect(graphql.status()).toBe(200);
  expect((await graphql.json()).data).toEqual({ me: null });
});
