import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUTH_MESSAGES, type Namespace, SETTINGS_MESSAGES, SHELL_MESSAGES, SIGNED_IN_MESSAGES } from "./client-messages";
import { messagesFor } from "./messages";

// Every component that may run in the browser finds its text in the messages handed to its part of
// the app (client-messages.tsx): a namespace left out would show keys instead of text there.
const webDir = path.resolve(import.meta.dirname, "..");

/** Server Components outside any part's provider: they read every namespace on the server. */
const SERVER_ONLY = new Set(["app/page.tsx", "app/oauth/consent-card.tsx"]);
/** The root layout's Client Components (header and footer). */
const SHELL_FILES = new Set([
  "components/language-picker.tsx",
  "components/offline-banner.tsx",
  "components/sign-out-button.tsx",
  "components/site-header.tsx",
  "app/not-found.tsx",
]);

function handedDown(file: string): readonly Namespace[] {
  if (SHELL_FILES.has(file)) return SHELL_MESSAGES;
  if (file.startsWith("app/(app)/settings/")) return SETTINGS_MESSAGES;
  if (file.startsWith("app/(auth)/")) return AUTH_MESSAGES;
  // Signed-in pages, and the components and helpers they share.
  if (file.startsWith("app/(app)/") || file.startsWith("components/") || file.startsWith("lib/")) return SIGNED_IN_MESSAGES;
  return SHELL_MESSAGES;
}

function sources(dir: string): string[] {
  return readdirSync(path.join(webDir, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(webDir, path.join(entry.parentPath, entry.name)));
}

const files = ["app", "components", "lib"].flatMap(sources).filter((file) => !file.startsWith("lib/generated/"));

describe("messages handed to the browser", () => {
  it("every component's namespaces are in its part's set", () => {
    const checked: string[] = [];
    for (const file of files) {
      const used = [...readFileSync(path.join(webDir, file), "utf8").matchAll(/useTranslations\(\s*"([a-zA-Z]+)/g)].map((match) => match[1] as Namespace);
      if (used.length === 0) continue;
      if (SERVER_ONLY.has(file)) {
        expect(readFileSync(path.join(webDir, file), "utf8"), `${file} is listed as a Server Component`).not.toMatch(/^["']use client["']/m);
        continue;
      }
      checked.push(file);
      for (const namespace of new Set(used)) expect(handedDown(file), `${file} uses "${namespace}"`).toContain(namespace);
    }
    expect(checked.length).toBeGreaterThan(30);
  });

  it("each set names namespaces that exist, and only Settings gets Settings' text", () => {
    const namespaces = Object.keys(messagesFor("en"));
    for (const set of [SHELL_MESSAGES, AUTH_MESSAGES, SIGNED_IN_MESSAGES, SETTINGS_MESSAGES])
      for (const namespace of set) expect(namespaces).toContain(namespace);
    expect(SIGNED_IN_MESSAGES).not.toContain("settings");
    expect(SHELL_MESSAGES).not.toContain("auth");
  });
});
