// Full-page screenshots that show the whole page as a person scrolling through it would see it.
// Playwright captures a full page beyond the viewport without scrolling it, so what the browser leaves
// undone off screen stays blank: `loading="lazy"` images never load, and sections with
// `content-visibility: auto` (home's later shelves and "More for you") are not painted. For the
// capture every section is painted and every lazy image loaded at once; the style that paints the
// sections is taken out again after (the images stay loaded).
import type { Page, TestInfo } from "@playwright/test";

export async function fullPageScreenshot(page: Page, file: string, testInfo: TestInfo, name: string) {
  await page.waitForLoadState("networkidle");
  const painted = await page.addStyleTag({ content: "* { content-visibility: visible !important; }" });
  const lazy = await page.evaluate(() => {
    const images = [...document.images].filter((image) => image.loading === "lazy");
    for (const image of images) image.loading = "eager";
    return images.length;
  });
  if (lazy > 0) await page.waitForFunction(() => [...document.images].every((image) => image.complete), undefined, { timeout: 20_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: file, fullPage: true });
  await painted.evaluate((style) => style.parentNode?.removeChild(style));
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}
