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
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes
          .map((node) => node.target.join(" "))
          .slice(0, 3)
          .join(", ")})`,
    );
}

async function firstRecommendationHref(page: Page): Promise<string> {
  await page.goto("/home");
  const link = page.getByTestId("recommendations").getByTestId("media-card").first().getByRole("link");
  await expect(link).toBeVisible({ timeout: 20_000 });
  return (await link.getAttribute("href"))!;
}

const heading = (name: string | RegExp) => async (p: Page) => void (await expect(p.getByRole("heading", { level: 1, name })).toBeVisible());

/** The signed-in pages and what shows each is ready, for a person onboarded over the API. */
async function signedInChecks(page: Page): Promise<{ path: string; ready: (page: Page) => Promise<void> }[]> {
  await onboardOverApi(page);
  const titleHref = await firstRecommendationHref(page);
  const cardVisible = async (p: Page) => void (await expect(p.getByTestId("media-card").first()).toBeVisible({ timeout: 20_000 }));
  return [
    { path: "/home", ready: cardVisible },
    { path: "/browse", ready: cardVisible },
    { path: "/search", ready: heading("Search") },
    { path: titleHref, ready: async (p) => void (await expect(p.getByRole("heading", { name: "Overview" })).toBeVisible({ timeout: 20_000 })) },
    { path: "/favourites", ready: cardVisible },
    { path: "/watchlist", ready: async (p) => void (await expect(p.getByText("Your watchlist is empty.")).toBeVisible({ timeout: 20_000 })) },
    { path: "/settings", ready: async (p) => void (await expect(p.getByRole("button", { name: "Save preferences" })).toBeVisible({ timeout: 20_000 })) },
  ];
}

// Each page visit runs a full axe pass (≈ 3–8 s in Chromium on this 2-core machine beside the whole
// stack), so the walk is split in three tests that the two workers can run side by side, each well
// inside its own time; one test of fourteen visits needed 126 s of a 150 s budget here and failed in CI.
test.describe("pages have no console errors and no serious axe violations", () => {
  test.describe.configure({ timeout: 120_000 });

  test("public pages", async ({ page }) => {
    const errors = collectConsoleErrors(page);
    for (const [url, name] of [
      ["/", "movierec"],
      ["/signin", "Sign in"],
      ["/signup", "Create your account"],
    ] as const) {
      await page.goto(url);
      await heading(name)(page);
      expect(await seriousViolations(page), url).toEqual([]);
    }
    expect(errors).toEqual([]);
  });

  test("signed-in pages", async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await signUpAndSignIn(page, newUser("quality"));
    await page.goto("/onboarding");
    await expect(page.getByRole("checkbox").first()).toBeVisible();
    expect(await seriousViolations(page), "/onboarding").toEqual([]);
    for (const check of await signedInChecks(page)) {
      await page.goto(check.path);
      await check.ready(page);
      expect(await seriousViolations(page), check.path).toEqual([]);
    }
    expect(errors).toEqual([]);
  });

  test("dark mode", async ({ page }) => {
    // Dark mode has its own palette: check its contrast too.
    const errors = collectConsoleErrors(page);
    await signUpAndSignIn(page, newUser("quality-dark"));
    const checks = (await signedInChecks(page)).filter((item) => ["/home", "/settings"].includes(item.path));
    await page.emulateMedia({ colorScheme: "dark" });
    for (const check of checks) {
      await page.goto(check.path);
      await check.ready(page);
      expect(await seriousViolations(page), `${check.path} (dark)`).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
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
