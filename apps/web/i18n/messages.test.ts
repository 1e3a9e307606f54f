import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { allMessages } from "./messages";
import { locales } from "./locales";

// Every key path of a messages tree, with its message.
function flatten(tree: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

// The arguments and tags a message uses ({count}, <link>…</link>), which every language must keep.
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      found.add(element.value);
      if (element.type === TYPE.tag) walk(element.children);
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

const english = flatten(allMessages.en);

describe("interface messages", () => {
  it("English has messages, every one valid ICU", () => {
    expect(english.size).toBeGreaterThan(20);
    for (const [key, message] of english) expect(() => argumentsOf(message), key).not.toThrow();
  });

  for (const locale of locales.filter((l) => l !== "en")) {
    it(`${locale} has exactly English's keys, each with the same arguments and tags, none empty`, () => {
      const other = flatten(allMessages[locale]);
      expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, message] of english) {
        const translated = other.get(key) ?? "";
        expect(translated.trim(), key).not.toBe("");
        expect(argumentsOf(translated), key).toEqual(argumentsOf(message));
      }
    });
  }
});
