import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KEPT_RANGES, KEPT_WEIGHTS, makeSubset, SUBSET_FONT, WHOLE_FONT } from "./font-subset.ts";

const messagesDir = path.resolve(import.meta.dirname, "../messages");

describe("the self-hosted font's Latin subset", () => {
  it("is the file scripts/font-subset.ts makes from the installed Geist, and smaller than the whole font", async () => {
    const committed = readFileSync(SUBSET_FONT);
    expect(Buffer.compare(Buffer.from(await makeSubset()), committed), "run node --import tsx apps/web/scripts/font-subset.ts").toBe(0);
    expect(committed.length).toBeLessThan(readFileSync(WHOLE_FONT).length * 0.6);
  });

  // (A character Geist itself lacks is drawn from the system's font with or without the subset.)
  it("keeps every character of the interface's text, in every language", () => {
    const outside = new Set<string>();
    for (const entry of readdirSync(messagesDir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".json")) continue;
      for (const char of readFileSync(path.join(entry.parentPath, entry.name), "utf8")) {
        const code = char.codePointAt(0)!;
        if (code < 0x20) continue; // the files' own line breaks
        if (!KEPT_RANGES.some(([from, to]) => code >= from && code <= to)) outside.add(`${char} U+${code.toString(16).toUpperCase()}`);
      }
    }
    expect([...outside]).toEqual([]);
  });

  // A weight outside the file's range would be drawn with the nearest one it has (or faked).
  it("keeps every weight the stylesheet asks for", () => {
    const css = readFileSync(path.resolve(import.meta.dirname, "../app/globals.css"), "utf8");
    const weights = [...css.matchAll(/font-weight:\s*([^;}\s]+)/g)].map((match) => match[1]!);
    expect(weights.length).toBeGreaterThan(0);
    const named: Record<string, number> = { normal: 400, bold: 700 };
    const outside = weights.filter((weight) => {
      const value = named[weight] ?? Number(weight);
      return !(value >= KEPT_WEIGHTS.min && value <= KEPT_WEIGHTS.max);
    });
    expect(outside).toEqual([]);
  });
});
