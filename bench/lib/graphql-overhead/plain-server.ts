// The floor the benchmark compares our server with: the same schema and the same per-request
// context (the server's own createContext: viewer, per-request DataLoaders, services) with nothing
// but node:http and graphql-js around it, with or without a document cache.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { execute, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "../../../apps/api/node_modules/graphql/index.js";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "../../../apps/api/node_modules/graphql-jit/dist/index.js";
import type { AppServices } from "../../../apps/api/src/app-services.ts";
import { AppError } from "../../../apps/api/src/errors.ts";
import { createContext } from "../../../apps/api/src/graphql/create-context.ts";
import { resolveViewer } from "../../../apps/api/src/modules/auth/viewer.ts";

interface Body {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

function send(response: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/**
 * The same schema and context with nothing but node:http and graphql-js. With `documentCache`,
 * parsed and validated documents are kept by query text, as Apollo Server does by default (its
 * documentStore): a repeated query then skips parse and validate.
 */
export function plainServer(services: AppServices, schema: GraphQLSchema, options: { documentCache: boolean; jit?: boolean }): http.Server {
  const { config, logger } = services;
  const documents = new Map<string, DocumentNode>();
  // With `jit`, each query text is compiled once by graphql-jit and its compiled form run after.
  const compiled = new Map<string, CompiledQuery>();
  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (request.method !== "POST" || request.url !== "/graphql") return send(response, 404, { errors: [{ message: "not found" }] });
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Body;
    let viewer: Awaited<ReturnType<typeof resolveViewer>>;
    try {
      viewer = await resolveViewer({
        prisma: services.prisma,
        callers: services.callers,
        authSecret: config.AUTH_SECRET,
        authorization: request.headers.authorization,
        cookie: request.headers.cookie,
      });
    } catch (error) {
      return send(response, error instanceof AppError ? 401 : 500, { errors: [{ message: (error as Error).message }] });
    }
    let document = options.documentCache ? documents.get(body.query) : undefined;
    if (!document) {
      try {
        document = parse(body.query);
      } catch (error) {
        return send(response, 400, { errors: [error] });
      }
      const errors = validate(schema, document);
      if (errors.length) return send(response, 400, { errors });
      if (options.documentCache) documents.set(body.query, document);
    }
    const contextValue = createContext(services, { id: randomUUID(), ip: request.socket.remoteAddress ?? "", headers: request.headers, viewer });
    if (options.jit) {
      let query = compiled.get(body.query);
      if (!query) {
        const made = compileQuery(schema, document, body.operationName);
        if (!isCompiledQuery(made)) return send(response, 400, made);
        query = made;
        compiled.set(body.query, query);
      }
      return send(response, 200, (await query.query(undefined, contextValue, body.variables ?? {})) as ExecutionResult);
    }
    send(response, 200, await execute({ schema, document, variableValues: body.variables, operationName: body.operationName, contextValue }));
  };
  return http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error({ err: error }, "plain server: unexpected error");
      if (!response.headersSent) send(response, 500, { errors: [{ message: "internal error" }] });
    });
  });
}
