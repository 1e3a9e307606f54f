-- What a personal API token may do: "read" always, and "write" to run mutations. Tokens made
-- before scopes existed keep doing everything. (schema.prisma cannot declare the CHECK, which also
-- keeps the list from being NULL; prisma/migrations.int.test.ts lists it as migration-only.)
ALTER TABLE "api_token" ADD COLUMN "scopes" TEXT[] DEFAULT ARRAY['read', 'write']::TEXT[];
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_scopes_check"
  CHECK ("scopes" IS NOT NULL AND "scopes" <@ ARRAY['read', 'write']::TEXT[] AND 'read' = ANY ("scopes"));
