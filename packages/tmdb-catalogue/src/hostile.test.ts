import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalogue } from "./catalogue.ts";
import { HOSTILE_TITLES } from "./hostile.ts";
import { PAGE_SIZE, titleName } from "./model.ts";
import { startCatalogueServer, type CatalogueServer } from "./server.ts";

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of many shapes, read field by field in the assertions
type Body = any;

const plain = buildCatalogue({ size: 2000, seed: 42 });
const hostile = buildCatalogue({ size: 2000, seed: 42, hostileTitles: true });
let server: CatalogueServer;

beforeAll(async () => {
  server = await startCatalogueServer({ catalogue: hostile });
});

afterAll(async () => {
  await server.close();
});

const getJson = async (path: string): Promise<Body> => {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status).toBe(200);
  return response.json();
};

describe("hostile titles (opt-in)", () => {
  it("leave the default catalogue alone, and the generated part of the hostile one unchanged", () => {
    expect(plain.movies.length + plain.tv.length).toBe(2000);
    expect(plain.movies.some((m) => m.title.includes("Zyxhost"))).toBe(false);
    const movies = HOSTILE_TITLES.filter((spec) => spec.mediaType === "movie").length;
    expect(hostile.movies.length).toBe(plain.movies.length + movies);
    expect(hostile.tv.length).toBe(plain.tv.length + HOSTILE_TITLES.length - movies);
    expect(JSON.stringify(hostile.movies.slice(0, plain.movies.length))).toBe(JSON.stringify(plain.movies));
    expect(JSON.stringify(hostile.tv.slice(0, plain.tv.length))).toBe(JSON.stringify(plain.tv));
    expect(JSON.stringify(hostile.people.slice(0, plain.people.length))).toBe(JSON.stringify(plain.people));
  });

  it("serve the hostile title, overview, tagline and credits byte-exact in details", async () => {
    for (const spec of HOSTILE_TITLES) {
      const title = hostile.titles(spec.mediaType).find((t) => titleName(t) === spec.title)!;
      expect(title, spec.searchWord).toBeDefined();
      expect(hostile.title(spec.mediaType, title.id)).toBe(title);
      const details = await getJson(`/${spec.mediaType}/${title.id}?append_to_response=credits`);
      expect(details[spec.mediaType === "movie" ? "title" : "name"]).toBe(spec.title);
      expect(details.overview).toBe(spec.overview);
      expect(details.tagline).toBe(spec.tagline);
      expect(details.credits.cast.map((member: { name: string }) => member.name)).toEqual(spec.cast);
      const director = spec.mediaType === "movie" ? details.credits.crew.find((member: { job: string }) => member.job === "Director") : details.created_by[0];
      expect(director.name).toBe(spec.director);
    }
  });

  it("are on the popular lists past the first two pages, and searchable by their word", async () => {
    for (const spec of HOSTILE_TITLES) {
      const popular = hostile.popular(spec.mediaType);
      const rank = popular.findIndex((t) => titleName(t) === spec.title);
      expect(rank, spec.searchWord).toBeGreaterThanOrEqual(2 * PAGE_SIZE);
      expect(rank, spec.searchWord).toBeLessThan(5 * PAGE_SIZE);
      const page = await getJson(`/${spec.mediaType}/popular?page=${Math.floor(rank / PAGE_SIZE) + 1}`);
      const item = page.results.find((result: { id: number }) => result.id === popular[rank]!.id);
      expect(item[spec.mediaType === "movie" ? "title" : "name"]).toBe(spec.title);
      expect(item.overview).toBe(spec.overview);
      const search = await getJson(`/search/multi?query=${encodeURIComponent(spec.searchWord)}`);
      expect(search.results.map((result: { id: number }) => result.id)).toEqual([popular[rank]!.id]);
    }
  });

  it("serve poster images for them, their titles as text, never markup", async () => {
    for (const film of hostile.movies) {
      // The drawing itself (.svg): TMDB's .jpg path is the same drawing as a WebP image.
      const response = await fetch(`${server.origin}/t/p/w342${film.posterPath.replace(/\.jpg$/, ".svg")}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/svg+xml");
      const svg = await response.text();
      // Only the drawing's own elements: no <script>, <img>, <foreignObject> or event attribute from a title.
      const elements = new Set([...svg.matchAll(/<([a-zA-Z]+)/g)].map((m) => m[1]));
      expect(
        [...elements].filter(
          (name) => !["svg", "defs", "linearGradient", "radialGradient", "stop", "rect", "circle", "polygon", "path", "text"].includes(name!),
        ),
      ).toEqual([]);
      // …and only the attributes it draws with (a title is escaped inside text and aria-label, so none can add an onload).
      const attributes = new Set([...svg.matchAll(/<[a-zA-Z]+([^>]*)>/g)].flatMap((tag) => [...tag[1]!.matchAll(/\s([a-zA-Z:-]+)="[^"]*"/g)].map((m) => m[1])));
      expect([...attributes].filter((name) => /^on/i.test(name!) || name === "href" || name === "xlink:href")).toEqual([]);
    }
  });
});
