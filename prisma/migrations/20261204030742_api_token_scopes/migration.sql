-- What a personal API token may do: "read" always, and "write" to run mutations. Tokens made
-- before scopes existed keep doing everything.
ALTER TABLE "api_token" ADD COLUMN "scopes" TEXT[] NOT NULL DEFAULT ARRAY['read', 'write']::TEXT[];
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_scopes_check"
  CHECK ("scopes" <@ ARRAY['read', 'write']::TEXT[] AND 'read' = ANY ("scopes"));
