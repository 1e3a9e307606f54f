-- Third-party apps (OAuth 2.0 public clients) and what the OAuth server keeps (grants, codes,
-- tokens, device codes, interactions), keyed by hashes: modules/oauth. An app has at least one
-- redirect URI (a CHECK schema.prisma cannot declare; prisma/migrations.int.test.ts lists it).
-- CreateTable
CREATE TABLE "oauth_app" (
    "id" UUID NOT NULL,
    "client_id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "redirect_uris" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oauth_app_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oauth_record" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "grant_id" TEXT,
    "account_id" UUID,
    "client_id" TEXT,
    "user_code_hash" TEXT,
    "uid" TEXT,
    "scope" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "consumed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oauth_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "oauth_app_client_id_key" ON "oauth_app"("client_id");

-- CreateIndex
CREATE INDEX "oauth_app_user_id_idx" ON "oauth_app"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "oauth_record_user_code_hash_key" ON "oauth_record"("user_code_hash");

-- CreateIndex
CREATE INDEX "oauth_record_grant_id_idx" ON "oauth_record"("grant_id");

-- CreateIndex
CREATE INDEX "oauth_record_account_id_kind_idx" ON "oauth_record"("account_id", "kind");

-- CreateIndex
CREATE INDEX "oauth_record_client_id_idx" ON "oauth_record"("client_id");

-- CreateIndex
CREATE INDEX "oauth_record_uid_idx" ON "oauth_record"("uid");

-- CreateIndex
CREATE INDEX "oauth_record_expires_at_idx" ON "oauth_record"("expires_at");

-- AddForeignKey
ALTER TABLE "oauth_app" ADD CONSTRAINT "oauth_app_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "oauth_record" ADD CONSTRAINT "oauth_record_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "oauth_record" ADD CONSTRAINT "oauth_record_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "oauth_app"("client_id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "oauth_app" ADD CONSTRAINT "oauth_app_redirect_uris_check"
  CHECK ("redirect_uris" IS NOT NULL AND cardinality("redirect_uris") BETWEEN 1 AND 10);
