// Execution by graphql-jit for the operations this server sees again and again: graphql-jit turns
// an operation into a JavaScript function once, which then runs without graphql-js walking the
// document per request (on a page of 20 cards: ≈ 30 % less CPU per request and ≈ 1.4× the
// throughput at concurrency 16, bench/graphql-overhead.ts). Apollo Server 5 has no executor option;
// its gateway interface is how an executor is handed to it (the schema stays ours, nothing is
// federated). An operation is compiled on its GRAPHQL_JIT_SIGHTINGS-th sighting (default 2: the
// web app's and clients' own operations recur, a one-off pays no compile; tests compile at once so
// every integration test runs compiled code), the compiled ones are kept up to JIT_CACHE_SIZE, and
// anything else runs through graphql-js as before.
import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { type DocumentNode, type ExecutionResult, execute, GraphQLError, type GraphQLSchema, getOperationAST, printSchema, type SourceLocation } from "graphql";
import { getVariableValues } from "graphql/execution/values.js";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";

const JIT_CACHE_SIZE = 1_000;

/** How often each operation (by query hash and operation name) was seen, and the compiled ones, least recently used first. */
export class OperationCache {
  private readonly seen = new Map<string, number>();
  private readonly compiled = new Map<string, CompiledQuery>();

  constructor(private readonly sightings: number) {}

  /** The compiled operation for `key` if it has one; "compile" on the sighting that compiles it. */
  lookup(key: string): CompiledQuery | "compile" | undefined {
    const found = this.compiled.get(key);
    if (found) {
      this.compiled.delete(key);
      this.compiled.set(key, found);
      return found;
    }
    if (this.sightings === 0) return undefined;
    const count = (this.seen.get(key) ?? 0) + 1;
    this.seen.delete(key);
    if (count >= this.sightings) return "compile";
    this.seen.set(key, count);
    if (this.seen.size > JIT_CACHE_SIZE) this.seen.delete(this.seen.keys().next().value!);
    return undefined;
  }

  keep(key: string, query: CompiledQuery): void {
    this.compiled.set(key, query);
    if (this.compiled.size > JIT_CACHE_SIZE) this.compiled.delete(this.compiled.keys().next().value!);
  }
}

/** The executor: graphql-jit for recurring operations, graphql-js otherwise. */
export function jitExecutor(schema: GraphQLSchema, sightings: number): GatewayExecutor {
  const cache = new OperationCache(sightings);
  return async (request) => {
    const { document, operationName, context } = request;
    const variables = request.request.variables ?? {};
    const key = `${request.queryHash}:${operationName ?? ""}`;
    let query = cache.lookup(key);
    if (query === "compile") {
      const made = compileQuery(schema, document, operationName ?? undefined);
      // An operation graphql-jit cannot compile runs through graphql-js (asked again as many sightings later).
      if (!isCompiledQuery(made)) return execute({ schema, document, operationName, variableValues: variables, contextValue: context });
      cache.keep(key, made);
      query = made;
    }
    if (!query) return execute({ schema, document, operationName, variableValues: variables, contextValue: context });
    // Variables are checked by graphql-js first: its answer to a value of the wrong type (errors and
    // no data, which Apollo turns into HTTP 400 BAD_USER_INPUT) is the one clients know.
    const coercion = coerceVariables(schema, document, operationName, variables);
    if (coercion) return { errors: coercion };
    const result = (await query.query(undefined, context, variables)) as ExecutionResult;
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
}

function coerceVariables(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, inputs: Record<string, unknown>) {
  const operation = getOperationAST(document, operationName);
  if (!operation?.variableDefinitions?.length) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions, inputs, { maxErrors: 50 });
  return coerced.errors;
}

/**
 * graphql-jit's errors pass for graphql-js's (instanceof holds) but leave `extensions` undefined
 * where graphql-js always gives an object, and Apollo Server reads `extensions.code` of each (an
 * undefined one turned every resolver error into a bare "Internal server error"). Rebuilt as
 * graphql-js builds them (same message, path, locations, original error), formatting them
 * (format-error.ts, which unwraps resolver errors to find our codes) works as for graphql-js.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  if (error instanceof GraphQLError && error.extensions && typeof error.extensions === "object") return error;
  const jit = error as {
    message: string;
    path?: ReadonlyArray<string | number>;
    locations?: SourceLocation[];
    originalError?: Error;
    extensions?: Record<string, unknown>;
  };
  const converted = new GraphQLError(jit.message, { path: jit.path, originalError: jit.originalError, extensions: jit.extensions });
  if (jit.locations) (converted as { locations?: SourceLocation[] }).locations = jit.locations;
  return converted;
}

/** Our schema handed to Apollo Server through its gateway interface, with the graphql-jit executor. */
export function jitGateway(schema: GraphQLSchema, sightings: number): GatewayInterface {
  return {
    async load() {
      return { executor: jitExecutor(schema, sightings) };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}
