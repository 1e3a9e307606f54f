import { describe, expect, it } from "vitest";
import { fitLines, renderKeyArt } from "./key-art.ts";

const poster = (key: string, label: string, genreIds: number[], year = "1995") =>
  renderKeyArt({ shape: "poster", width: 342, height: 513, key, subject: { kind: "title", label, year, genreIds } });

describe("fitLines", () => {
  it("sets a short title in one line at the largest size", () => {
    expect(fitLines("HEAT", { width: 336, maxLines: 4, largest: 64, smallest: 26, em: 0.62 })).toEqual({ lines: ["HEAT"], size: 64 });
  });

  it("breaks a long title at words and shrinks it until every line fits", () => {
    const fit = fitLines("THE LORD OF THE RINGS THE RETURN OF THE KING", { width: 336, maxLines: 4, largest: 64, smallest: 26, em: 0.62 });
    expect(fit.lines.length).toBeLessThanOrEqual(4);
    expect(fit.lines.join(" ")).toBe("THE LORD OF THE RINGS THE RETURN OF THE KING");
    for (const line of fit.lines) expect(line.length * fit.size * 0.62).toBeLessThanOrEqual(336);
    expect(fit.size).toBeLessThan(64);
  });

  it("cuts what cannot fit at the smallest size with an ellipsis", () => {
    const words = Array.from({ length: 60 }, (_, n) => `WORD${n}`).join(" ");
    const fit = fitLines(words, { width: 336, maxLines: 4, largest: 64, smallest: 26, em: 0.62 });
    expect(fit.lines).toHaveLength(4);
    expect(fit.lines[3]?.endsWith("…")).toBe(true);
  });
});

describe("renderKeyArt", () => {
  it("draws the same bytes for the same file and size", () => {
    expect(poster("m550p", "Fight Club", [18])).toBe(poster("m550p", "Fight Club", [18]));
  });

  it("colours a poster by its first genre, so a horror and a comedy look apart", () => {
    expect(poster("m1p", "Night Film", [27])).toContain('stop-color="#1a0000"'); // Horror
    expect(poster("m1p", "Night Film", [35, 27])).toContain('stop-color="#ffcf3f"'); // Comedy first
  });

  it("sets the title and year on a poster and no words on a backdrop", () => {
    const svg = poster("m7p", "Heat", [80]);
    expect(svg.toUpperCase()).toContain(">HEAT<");
    expect(svg).toContain("1995");
    const backdrop = renderKeyArt({
      shape: "backdrop",
      width: 1280,
      height: 720,
      key: "m7b",
      subject: { kind: "title", label: "Heat", year: "1995", genreIds: [80] },
    });
    expect(backdrop).not.toContain("<text");
    expect(backdrop).toMatch(/^<svg [^>]*width="1280" height="720" viewBox="0 0 1280 720"/);
  });

  it("escapes a title's markup", () => {
    const svg = poster("m9p", `<script>alert("x")</script> & "Co"`, [18]);
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;");
    expect(svg).toContain("&amp;");
  });
});
