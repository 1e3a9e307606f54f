-- CreateIndex
CREATE INDEX "media_cache_top_rated_idx" ON "media_cache"("vote_average" DESC);

