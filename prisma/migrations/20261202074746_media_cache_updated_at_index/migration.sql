-- CreateIndex
CREATE INDEX "media_cache_updated_at_idx" ON "media_cache"("updated_at");

