-- The trailer a title page offers (TMDB's videos, appended to details). Null until its details are
-- fetched again (the details refresh).
-- AlterTable
ALTER TABLE "media_cache" ADD COLUMN "trailer" JSONB;
