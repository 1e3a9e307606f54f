// graphql-jit behind Apollo's gateway interface: operations compiled on the configured sighting,
// kept least recently used first, and answers (data, errors with their paths) the same as
// graphql-js gives for the same operation.
import type { GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import { buildSchema, execute, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { jitExecutor, OperationCache } from "./jit-executor.ts";

describe("OperationCache", () => {
  it("says compile on the configured sighting, then serves the compiled operation", () => {
    const cache = new OperationCache(2);
    expect(cache.lookup("a")).toBeUndefined();
    expect(cache.lookup("b")).toBeUndefined();
    expect(cache.lookup("a")).toBe("compile");
    const compiled = { query: () => ({}) } as never;
    cache.keep("a", compiled);
    expect(cache.lookup("a")).toBe(compiled);
    expect(cache.lookup("b")).toBe("compile");
  });

  it("compiles at once with 1 and never with 0", () => {
    expect(new OperationCache(1).lookup("a")).toBe("compile");
    const off = new OperationCache(0);
    for (let i = 0; i < 5; i++) expect(off.lookup("a")).toBeUndefined();
  });
});

describe("jitExecutor", () => {
  const schema = buildSchema(`
    type Query { titles(first: Int!): [Title!]! }
    type Title { id: ID! name: String! rating: Float }
  `);
  // Resolvers on the fields (graphql-jit's default resolver reads properties; it does not call
  // methods as graphql-js's does, and TypeGraphQL never relies on that).
  const fields = (type: string) => schema.getType(type) as unknown as { getFields(): Record<string, { resolve?: (...args: never[]) => unknown }> };
  fields("Query").getFields().titles!.resolve = ((_root: unknown, args: { first: number }) =>
    Array.from({ length: args.first }, (_, i) => ({ id: String(i), i }))) as never;
  fields("Title").getFields().name!.resolve = (async (title: { i: number }) => `Title ${title.i}`) as never;
  fields("Title").getFields().rating!.resolve = ((title: { i: number }) => {
    if (title.i === 1) throw new Error("no rating for 1");
    return title.i / 2;
  }) as never;

  it("answers as graphql-js does, before and after compiling, errors and their paths included", async () => {
    const query = "query Titles($first: Int!) { titles(first: $first) { id name rating } }";
    const document = parse(query);
    const expected = JSON.parse(JSON.stringify(await execute({ schema, document, variableValues: { first: 3 } })));
    expect(expected.errors[0]).toMatchObject({ message: "no rating for 1", path: ["titles", 1, "rating"] });
    const executor = jitExecutor(schema, 2);
    const request = {
      document,
      operationName: "Titles",
      queryHash: "h",
      context: {},
      request: { variables: { first: 3 } },
    } as unknown as GatewayGraphQLRequestContext;
    for (let run = 0; run < 3; run++) {
      const result = await executor(request);
      expect(JSON.parse(JSON.stringify(result))).toEqual(expected);
      // Apollo Server reads extensions.code of every error: graphql-jit's own leave it undefined.
      for (const error of result.errors ?? []) expect(error.extensions).toBeTypeOf("object");
    }
  });
});
