-- CreateEnum
CREATE TYPE "interaction_kind" AS ENUM ('favourite', 'watchlist', 'watched', 'rating', 'dismissed');

-- CreateEnum
CREATE TYPE "recommendation_model_status" AS ENUM ('training', 'live', 'retired', 'failed');

-- CreateTable
CREATE TABLE "interaction" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "media_type" "media_type" NOT NULL,
    "tmdb_id" INTEGER NOT NULL,
    "kind" "interaction_kind" NOT NULL,
    "rating" SMALLINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "interaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendation_model" (
    "version" SERIAL NOT NULL,
    "status" "recommendation_model_status" NOT NULL DEFAULT 'training',
    "algorithm" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "users" INTEGER NOT NULL DEFAULT 0,
    "titles" INTEGER NOT NULL DEFAULT 0,
    "interactions" INTEGER NOT NULL DEFAULT 0,
    "data_up_to" TIMESTAMPTZ(3) NOT NULL,
    "training_ms" INTEGER,
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "live_at" TIMESTAMPTZ(3),

    CONSTRAINT "recommendation_model_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "item_neighbours" (
    "model_version" INTEGER NOT NULL,
    "media_type" "media_type" NOT NULL,
    "tmdb_id" INTEGER NOT NULL,
    "neighbour_types" "media_type"[],
    "neighbour_ids" INTEGER[],
    "weights" REAL[],

    CONSTRAINT "item_neighbours_pkey" PRIMARY KEY ("model_version","media_type","tmdb_id")
);

-- CreateIndex
CREATE INDEX "interaction_user_id_kind_created_at_id_idx" ON "interaction"("user_id", "kind", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "interaction_created_at_idx" ON "interaction"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "interaction_user_id_media_type_tmdb_id_kind_key" ON "interaction"("user_id", "media_type", "tmdb_id", "kind");

-- CreateIndex
CREATE INDEX "recommendation_model_status_version_idx" ON "recommendation_model"("status", "version" DESC);

-- Every favourite, watchlist entry, watched mark and dismissal becomes a row of the interaction log,
-- with its own id and time (nothing a person did is lost); then the old tables and the pairwise
-- co-occurrence table go. The recommendation model is trained from the log by the worker.
INSERT INTO "interaction" ("id", "user_id", "media_type", "tmdb_id", "kind", "created_at", "updated_at")
SELECT "id", "user_id", "media_type", "tmdb_id", 'favourite', "created_at", "created_at" FROM "favourite";

INSERT INTO "interaction" ("id", "user_id", "media_type", "tmdb_id", "kind", "created_at", "updated_at")
SELECT "id", "user_id", "media_type", "tmdb_id", 'watchlist', "created_at", "updated_at" FROM "watchlist_item";

INSERT INTO "interaction" ("id", "user_id", "media_type", "tmdb_id", "kind", "created_at", "updated_at")
SELECT gen_random_uuid(), "user_id", "media_type", "tmdb_id", 'watched', "watched_at", "watched_at" FROM "watchlist_item" WHERE "watched_at" IS NOT NULL;

INSERT INTO "interaction" ("id", "user_id", "media_type", "tmdb_id", "kind", "created_at", "updated_at")
SELECT "id", "user_id", "media_type", "tmdb_id", 'dismissed', "created_at", "created_at" FROM "dismissal";

-- DropForeignKey
ALTER TABLE "favourite" DROP CONSTRAINT "favourite_user_id_fkey";

-- DropForeignKey
ALTER TABLE "watchlist_item" DROP CONSTRAINT "watchlist_item_user_id_fkey";

-- DropForeignKey
ALTER TABLE "dismissal" DROP CONSTRAINT "dismissal_user_id_fkey";

-- DropTable
DROP TABLE "favourite";

-- DropTable
DROP TABLE "watchlist_item";

-- DropTable
DROP TABLE "dismissal";

-- DropTable
DROP TABLE "media_cooccurrence";

-- AddForeignKey
ALTER TABLE "interaction" ADD CONSTRAINT "interaction_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_neighbours" ADD CONSTRAINT "item_neighbours_model_version_fkey" FOREIGN KEY ("model_version") REFERENCES "recommendation_model"("version") ON DELETE CASCADE ON UPDATE CASCADE;

