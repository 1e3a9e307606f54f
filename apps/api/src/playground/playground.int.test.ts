// The real API's playground in Chromium with the network cut off: it loads from our own origin
// and runs a query as a user, with a personal API token pasted into the headers editor.
import { chromium, type Browser, type Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions } from "@movierec/dev-stack/chromium";
import { startTestApi, type TestApi } from "../test-support/api-harness.ts";

let api: TestApi;
let browser: Browser | undefined;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 500 });
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, " ");

/** Replaces a Monaco editor's whole text, checking it took (on a busy machine a first select-all can miss). */
async function replaceEditorText(editor: Locator, text: string) {
  const squash = (value: string) => value.replace(/\s+/g, "");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await editor.click();
    await editor.page().keyboard.press("ControlOrMeta+A");
    await editor.page().keyboard.press("Delete");
    await editor.page().keyboard.insertText(text);
    await editor.page().waitForTimeout(100);
    if (squash(await textOf(editor.locator(".view-lines"))) === squash(text)) return;
  }
  throw new Error(`the editor did not take the text ${text}`);
}

describe("playground", () => {
  it("runs a query as the owner of a pasted API token, offline", async () => {
    const user = await api.createUser();
    browser = await chromium.launch(chromiumLaunchOptions);
    const context = await browser.newContext({ viewport: { width: 1400, height: 800 } });
    const leftTheMachine: string[] = [];
    await context.route("**/*", (route) => {
      if (new URL(route.request().url()).hostname === "127.0.0.1") return route.continue();
      leftTheMachine.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(`${api.url}/playground`);

    const queryEditor = page.locator(".graphiql-query-editor .monaco-editor");
    await queryEditor.waitFor({ timeout: 30_000 });
    const headersEditor = page.locator(".graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor");
    await replaceEditorText(queryEditor, "{ me { email role } }");
    await replaceEditorText(headersEditor, JSON.stringify({ Authorization: `Bearer ${user.token}` }));
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(() => textOf(page.locator(".result-window")), { timeout: 15_000 }).toContain(user.email);
    expect(leftTheMachine).toEqual([]);
  }, 60_000);
});
