-- Genre names per language (TMDB's genre lists asked for with ?language=): the rows already here are
-- TMDB's default, English.
-- AlterTable
ALTER TABLE "genre" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "genre" DROP CONSTRAINT "genre_pkey";
ALTER TABLE "genre" ADD CONSTRAINT "genre_pkey" PRIMARY KEY ("media_type", "language", "id");
