// Every operation the playground opens with runs as it is, as a signed-in person, on the offline
// catalogue (a fresh API with an empty cache, as `npm start` begins).
import { Kind, parse, print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../test-support/api-harness.ts";
import { EXAMPLE_OPERATIONS, EXAMPLE_QUERY } from "./examples.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 300 });
});
afterAll(() => api?.close());

const operations = [EXAMPLE_QUERY, EXAMPLE_OPERATIONS].flatMap((source) =>
  parse(source).definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? [definition] : [])),
);

describe("the playground's examples", () => {
  it("are several named operations", () => {
    expect(operations.map((operation) => operation.name?.value)).toEqual(["Recommendations", "Search", "AddFavourite", "TitleAgain", "Me"]);
  });

  it.each(operations.map((operation) => [operation.name!.value, print(operation)]))("%s runs without errors", async (_name, query) => {
    const user = await api.createUser();
    const result = await api.graphql(query, {}, { token: user.token });
    expect(result.errors).toBeUndefined();
    expect(result.data).toBeTruthy();
  });
});
