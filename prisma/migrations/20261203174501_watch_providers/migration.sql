-- AlterTable
ALTER TABLE "preference" ADD COLUMN     "streaming_service_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "watch_region" TEXT;

-- AlterTable
ALTER TABLE "media_cache" ADD COLUMN     "streaming_on" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "watch_providers" JSONB;

-- CreateTable
CREATE TABLE "watch_provider" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "logo_path" TEXT,
    "display_priority" INTEGER NOT NULL DEFAULT 1000,
    "regions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "watch_provider_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "media_cache_streaming_on_idx" ON "media_cache" USING GIN ("streaming_on");


-- Details fetched before watch providers were appended to them are refreshed by the worker, which
-- takes the stalest first (modules/ingest/details-refresh.job.ts); pages keep serving them meanwhile.
UPDATE "media_cache" SET "details_fetched_at" = 'epoch' WHERE "details_fetched_at" IS NOT NULL AND "watch_providers" IS NULL;
