-- Details fetched before trailers (20261205020000_media_trailer) and translations
-- (20261205013000_media_translations) were appended to them are refreshed by the worker, which takes
-- the stalest first (modules/ingest/details-refresh.job.ts), as 20261203174501_watch_providers did
-- for watch providers. Before, such a title showed no trailer and only English text until its
-- details were DETAILS_MAX_AGE_DAYS old; pages keep serving the stored details meanwhile.
UPDATE "media_cache" SET "details_fetched_at" = 'epoch' WHERE "details_fetched_at" IS NOT NULL AND ("trailer" IS NULL OR "translations" IS NULL);
