-- CreateIndex
CREATE INDEX "media_cache_original_title_trgm_idx" ON "media_cache" USING GIN ("original_title" gin_trgm_ops);

