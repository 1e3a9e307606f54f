// Installable: a web app manifest with PNG icons at the sizes installers ask for, and a service
// worker that answers a page load the network cannot with the offline page (apps/web/public/sw.js).
import { expect, test } from "@playwright/test";
import { newUser, signUpAndSignIn } from "./support/users.ts";

test("the manifest names the app and its icons, which are PNGs of their stated size", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const manifest = (await (await request.get(href!)).json()) as {
    name: string;
    start_url: string;
    display: string;
    icons: Array<{ src: string; sizes: string; type: string }>;
  };
  expect(manifest).toMatchObject({ name: "movierec", start_url: "/home", display: "standalone" });
  const pngs = manifest.icons.filter((icon) => icon.type === "image/png");
  expect(pngs.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of pngs) {
    const response = await request.get(icon.src);
    expect(response.headers()["content-type"]).toBe("image/png");
    const body = await response.body();
    // PNG: the signature, then IHDR's width and height (big-endian) at bytes 16 and 20.
    expect(body.subarray(1, 4).toString("latin1")).toBe("PNG");
    const side = Number(icon.sizes.split("x")[0]);
    expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([side, side]);
  }
});

test("offline, a page load shows the offline page instead of the browser's error, and Try again loads the page once back", async ({ page, context }) => {
  await signUpAndSignIn(page, newUser("pwa"));
  await page.goto("/browse");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The worker controls pages loaded after it activated.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.goto("/search?q=the");
  await expect(page.getByRole("heading", { level: 1, name: "You’re offline" })).toBeVisible();
  await context.setOffline(false);
  await page.getByRole("link", { name: "Try again · Réessayer" }).click();
  // The same address, its query included. The heading is in its document (the server's stand-in);
  // on CI's busiest minutes the page once outlasted 15 s, hence the longer wait.
  await expect(page).toHaveURL(/\/search\?q=the$/);
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("search").getByLabel("Title")).toHaveValue("the");
});
