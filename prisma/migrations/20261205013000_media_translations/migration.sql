-- A title's title, overview and tagline in the API's languages other than English (TMDB's
-- translations, appended to details). Null until its details are fetched again (the details refresh).
-- AlterTable
ALTER TABLE "media_cache" ADD COLUMN "translations" JSONB;
