import { getMetadataStorage } from "type-graphql";
import { describe, expect, it } from "vitest";
import { audienceOf } from "./audiences.ts";
import { getSchema } from "./schema.ts";

const rootFields = async (audience?: Parameters<typeof getSchema>[0]) => {
  const schema = await getSchema(audience);
  return [schema.getQueryType(), schema.getMutationType()].flatMap((type) => Object.values(type?.getFields() ?? {}));
};
const names = async (audience?: Parameters<typeof getSchema>[0]) => new Set((await rootFields(audience)).map((field) => field.name));

describe("audiences", () => {
  it("every root field that needs the ADMIN role is admin-only, so no one else sees it", async () => {
    const adminRoleFields = getMetadataStorage()
      .authorizedFields.filter((field) => field.roles.includes("ADMIN"))
      .map((field) => field.fieldName);
    expect(adminRoleFields.length).toBeGreaterThan(0);
    const full = await rootFields();
    for (const name of adminRoleFields) expect(audienceOf(full.find((field) => field.name === name)!), name).toBe("admin");
  });

  it("the public schema lacks every marked field; admins and the web server each see their own and not the other's", async () => {
    const full = await rootFields();
    const adminOnly = full.filter((field) => audienceOf(field) === "admin").map((field) => field.name);
    const webServerOnly = full.filter((field) => audienceOf(field) === "webServer").map((field) => field.name);
    expect(adminOnly.sort()).toEqual(["ingestStatus", "recommendationModel", "refreshMediaCache", "trainRecommendationModel"]);
    expect(webServerOnly.sort()).toEqual([
      "completeOAuthAuthorization",
      "completeOAuthDevice",
      "endWebSession",
      "linkOAuthAccount",
      "oauthAuthorizationRequest",
      "oauthDeviceRequest",
      "signInToWeb",
      "startWebSession",
      "webSessionActive",
    ]);
    const [everyone, admins, webServer] = await Promise.all([names("public"), names("admin"), names("webServer")]);
    for (const name of [...adminOnly, ...webServerOnly]) expect(everyone.has(name), name).toBe(false);
    for (const name of adminOnly) expect([admins.has(name), webServer.has(name)], name).toEqual([true, false]);
    for (const name of webServerOnly) expect([admins.has(name), webServer.has(name)], name).toEqual([false, true]);
    // Everything public is in every audience's schema.
    for (const name of everyone) expect([admins.has(name), webServer.has(name)], name).toEqual([true, true]);
    // Types only admin operations use are gone from the public schema too.
    expect((await getSchema("public")).getType("IngestStatus")).toBeUndefined();
    expect((await getSchema("admin")).getType("IngestStatus")).toBeDefined();
  });
});
