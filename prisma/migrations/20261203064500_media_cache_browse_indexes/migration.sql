-- CreateIndex
CREATE INDEX "media_cache_browse_rating_idx" ON "media_cache"("media_type", "vote_average" DESC, "vote_count" DESC, "tmdb_id");

-- CreateIndex
CREATE INDEX "media_cache_browse_oldest_idx" ON "media_cache"("media_type", "release_date", "tmdb_id");

-- CreateIndex
CREATE INDEX "media_cache_browse_title_idx" ON "media_cache"("media_type", "title", "tmdb_id");
