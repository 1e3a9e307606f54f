// POST /imports?name=<file name>: the upload of an export file, its bytes as the body (a ZIP, CSV
// or JSON file; Content-Type application/zip, text/csv, application/json or
// application/octet-stream). Same credentials and rate limit as /graphql. The file is read and
// checked whole before anything is stored: 202 with the new import, or the same error body GraphQL
// gives (`errors[0].extensions.code`, and for a bad file `details.reason`). Progress and the rows
// that did not match: the `import(id)` query.
//
// Content types a cross-site form can send (text/plain, form encodings) are refused (415), so a
// page elsewhere cannot make a signed-in browser upload a file (it would need a CORS preflight,
// which the API never grants).
import type { FastifyInstance, FastifyReply } from "fastify";
import type { AppServices } from "../../app-services.ts";
import { AppError, ERROR_STATUS, unauthenticated } from "../../errors.ts";
import { resolveCaller } from "../../http/guards.ts";
import { IMPORT_LIMITS } from "./import-file.ts";
import { ImportFileError } from "./import-errors.ts";
import { startImport } from "./import.service.ts";

/**
 * Uploads a person may send a minute, refused ones included, on top of the API's budget: each is
 * read and checked whole (up to 64 MB inflated) on the API's event loop before it is refused or
 * stored, so the general budget of hundreds a minute would let one account keep a process busy.
 */
export const IMPORT_UPLOADS_PER_MINUTE = 10;

const ACCEPTED = new Set(["application/zip", "application/x-zip-compressed", "text/csv", "application/json", "application/octet-stream"]);

function sendError(reply: FastifyReply, error: AppError, status: number = ERROR_STATUS[error.code]) {
  return reply.code(status).send({ errors: [{ message: error.message, extensions: { ...error.extensions, http: undefined } }] });
}

export async function registerImportRoutes(app: FastifyInstance, services: AppServices) {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: IMPORT_LIMITS.fileBytes }, (_request, body, done) => done(null, body));
    scope.addHook("onRequest", resolveCaller(services));
    scope.addHook("onRequest", scope.rateLimit());
    // A second count of its own (the plugin runs one limit hook per request, so this one is asked directly).
    const uploadLimit = scope.createRateLimit({
      max: IMPORT_UPLOADS_PER_MINUTE,
      timeWindow: 60_000,
      keyGenerator: (request) => `import-upload:${request.viewer ? `user:${request.viewer.userId}` : `ip:${request.ip}`}`,
    });
    scope.addHook("onRequest", async (request, reply) => {
      const limit = await uploadLimit(request);
      if (limit.isAllowed || !limit.isExceeded) return;
      return reply
        .code(429)
        .header("retry-after", String(limit.ttlInSeconds))
        .send({
          errors: [
            {
              message: `Too many uploads: a person may send ${IMPORT_UPLOADS_PER_MINUTE} files a minute. Try again in ${limit.ttlInSeconds} s.`,
              extensions: { code: "RATE_LIMITED", retryAfterSeconds: limit.ttlInSeconds },
            },
          ],
        });
    });
    scope.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
      if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE")
        return sendError(
          reply,
          new ImportFileError("TOO_LARGE", `The file is over ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB, the most one import takes.`),
          413,
        );
      if (error instanceof AppError) return sendError(reply, error);
      if ((error.statusCode ?? 500) < 500)
        return reply.code(error.statusCode!).send({ errors: [{ message: error.message, extensions: { code: "BAD_USER_INPUT" } }] });
      request.log.error({ err: error }, "import upload failed");
      return reply.code(500).send({
        errors: [
          {
            message: `Something went wrong on our side (request ${request.id}); try again shortly.`,
            extensions: { code: "INTERNAL_SERVER_ERROR", requestId: request.id },
          },
        ],
      });
    });
    scope.post("/imports", async (request, reply) => {
      if (request.viewerError instanceof AppError) return sendError(reply, request.viewerError);
      if (!request.viewer) return sendError(reply, unauthenticated());
      // An import writes favourites, ratings and preferences: a read-only token may not send one (as
      // GraphQL refuses its mutations: requireWriteScope in graphql/apollo.ts).
      if (!request.viewer.scopes.includes("write"))
        return sendError(
          reply.header("www-authenticate", 'Bearer realm="movierec", error="insufficient_scope", scope="write"'),
          new AppError("FORBIDDEN", "This token may only read (its scopes are READ), and an import changes the account. Use a token with the WRITE scope.", {
            requiredScope: "WRITE",
          }),
        );
      const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      if (!ACCEPTED.has(type))
        return reply.code(415).send({
          errors: [
            {
              message: `Send the file's bytes as the body with Content-Type ${[...ACCEPTED].join(", ")}; got ${type || "none"}.`,
              extensions: { code: "BAD_USER_INPUT" },
            },
          ],
        });
      const name = (request.query as { name?: unknown }).name;
      const body = request.body as Buffer | undefined;
      const { job, skippedFiles } = await startImport(services, {
        userId: request.viewer.userId,
        fileName: typeof name === "string" && name ? name : "upload",
        bytes: body ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : new Uint8Array(),
      });
      return reply
        .code(202)
        .send({ import: { id: job.id, source: job.source, fileName: job.fileName, status: job.status, rowsTotal: job.rowsTotal, skippedFiles } });
    });
  });
}
