-- CreateIndex
CREATE INDEX "media_cooccurrence_neighbours_idx" ON "media_cooccurrence"("media_type", "tmdb_id", "count" DESC);

