// The pages the API serves developers, at a phone's width as at a desktop's: the playground puts the
// query and the response one above the other on a phone (GraphiQL alone puts them side by side, a
// third of the screen each), and /docs never scrolls sideways.
import { expect, test } from "@playwright/test";
import { apiUrl } from "../playwright.config.ts";

test("the playground's query and response each get the screen's width on a phone, side by side on a desktop", async ({ page }, testInfo) => {
  await page.goto(`${apiUrl}/playground`);
  const editors = page.locator("#graphiql-session .graphiql-editors");
  const response = page.locator("#graphiql-session .graphiql-response");
  await expect(editors).toBeVisible({ timeout: 20_000 });
  await expect(response).toBeVisible();
  const [query, answer] = [(await editors.boundingBox())!, (await response.boundingBox())!];
  const width = page.viewportSize()!.width;
  if (testInfo.project.name === "phone") {
    expect(query.width, "the query editor's width").toBeGreaterThan(width * 0.7);
    expect(answer.width, "the response's width").toBeGreaterThan(width * 0.7);
    expect(answer.y, "the response below the query").toBeGreaterThanOrEqual(query.y + query.height - 1);
  } else {
    expect(answer.x, "the response beside the query").toBeGreaterThanOrEqual(query.x + query.width - 1);
  }
  await expect(page.getByRole("button", { name: /Execute query/i })).toBeInViewport();
});

test("/docs fits the screen's width: nothing scrolls sideways", async ({ page }) => {
  await page.goto(`${apiUrl}/docs`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
