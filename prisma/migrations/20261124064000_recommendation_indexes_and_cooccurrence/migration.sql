-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateTable
CREATE TABLE "media_cooccurrence" (
    "media_type" "media_type" NOT NULL,
    "tmdb_id" INTEGER NOT NULL,
    "other_media_type" "media_type" NOT NULL,
    "other_tmdb_id" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "media_cooccurrence_pkey" PRIMARY KEY ("media_type","tmdb_id","other_media_type","other_tmdb_id")
);

-- CreateIndex
CREATE INDEX "media_cache_cast_ids_idx" ON "media_cache" USING GIN ("cast_ids");

-- CreateIndex
CREATE INDEX "media_cache_director_ids_idx" ON "media_cache" USING GIN ("director_ids");

-- CreateIndex
CREATE INDEX "media_cache_title_trgm_idx" ON "media_cache" USING GIN ("title" gin_trgm_ops);

