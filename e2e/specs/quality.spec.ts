// Every page without console errors and without serious accessibility violations (axe), and
// screenshots of the main pages at phone and desktop widths.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { collectConsoleErrors, newUser, onboardOverApi, signUpAndSignIn } from "./support/users.ts";

const screenshotDir = path.resolve(import.meta.dirname, "../test-results/screenshots");

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")})`);
}

async function firstRecommendationHref(page: Page): Promise<string> {
  await page.goto("/home");
  const link = page.getByTestId("recommendations").getByTestId("media-card").first().getByRole("link");
  await expect(link).toBeVisible({ timeout: 20_000 });
  return (await link.getAttribute("href"))!;
}

test("pages have no console errors and no serious axe violations", async ({ page }) => {
  // Fourteen page visits, each with a full axe run (≈ 3 s each in Chromium on this 2-core machine,
  // plus the dev server's first compile of each route): about a minute of work, so 60 s was a coin toss.
  test.setTimeout(150_000);
  const errors = collectConsoleErrors(page);
  const checks: { path: string; ready: (page: Page) => Promise<void> }[] = [];
  const heading = (name: string | RegExp) => async (p: Page) => void (await expect(p.getByRole("heading", { level: 1, name })).toBeVisible());

  for (const [url, name] of [["/", "movierec"], ["/signin", "Sign in"], ["/signup", "Create your account"]] as const) {
    await page.goto(url);
    await heading(name)(page);
    expect(await seriousViolations(page), url).toEqual([]);
  }

  await signUpAndSignIn(page, newUser("quality"));
  await page.goto("/onboarding");
  await expect(page.getByRole("checkbox").first()).toBeVisible();
  expect(await seriousViolations(page), "/onboarding").toEqual([]);
  await onboardOverApi(page);
  const titleHref = await firstRecommendationHref(page);
  checks.push(
    { path: "/home", ready: async (p) => void (await expect(p.getByTestId("media-card").first()).toBeVisible({ timeout: 20_000 })) },
    { path: "/browse", ready: async (p) => void (await expect(p.getByTestId("media-card").first()).toBeVisible({ timeout: 20_000 })) },
    { path: "/search", ready: heading("Search") },
    { path: titleHref, ready: async (p) => void (await expect(p.getByRole("heading", { name: "Overview" })).toBeVisible({ timeout: 20_000 })) },
    { path: "/favourites", ready: async (p) => void (await expect(p.getByTestId("media-card").first()).toBeVisible({ timeout: 20_000 })) },
    { path: "/watchlist", ready: async (p) => void (await expect(p.getByText("Your watchlist is empty.")).toBeVisible({ timeout: 20_000 })) },
    { path: "/settings", ready: async (p) => void (await expect(p.getByRole("button", { name: "Save preferences" })).toBeVisible({ timeout: 20_000 })) },
  );
  for (const check of checks) {
    await page.goto(check.path);
    await check.ready(page);
    expect(await seriousViolations(page), check.path).toEqual([]);
  }
  // Dark mode has its own palette: check its contrast too.
  await page.emulateMedia({ colorScheme: "dark" });
  for (const check of checks.filter((item) => ["/home", "/settings"].includes(item.path))) {
    await page.goto(check.path);
    await check.ready(page);
    expect(await seriousViolations(page), `${check.path} (dark)`).toEqual([]);
  }
  expect(errors).toEqual([]);
});

test("screenshots of landing, home, title and settings at phone and desktop widths", async ({ browser }, testInfo) => {
  const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
  for (const [device, viewport] of Object.entries(viewports)) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const shoot = async (name: string) => {
      const file = path.join(screenshotDir, `${name}-${device}.png`);
      await page.screenshot({ path: file, fullPage: false });
      await testInfo.attach(`${name}-${device}`, { path: file, contentType: "image/png" });
    };
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "movierec" })).toBeVisible();
    await shoot("landing");

    await signUpAndSignIn(page, newUser(`shots-${device}`));
    await onboardOverApi(page);
    const titleHref = await firstRecommendationHref(page);
    await page.waitForLoadState("networkidle");
    await shoot("home");

    await page.goto(titleHref);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible({ timeout: 20_000 });
    await page.waitForLoadState("networkidle");
    await shoot("title");

    await page.goto("/settings");
    await expect(page.getByRole("button", { name: "Save preferences" })).toBeVisible({ timeout: 20_000 });
    await shoot("settings");
    await context.close();
  }
});
