-- CreateEnum
CREATE TYPE "media_type" AS ENUM ('movie', 'tv');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('user', 'admin');

-- CreateTable
CREATE TABLE "user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "image" TEXT,
    "email_verified" TIMESTAMPTZ(3),
    "password_hash" TEXT,
    "role" "role" NOT NULL DEFAULT 'user',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" UUID NOT NULL,
    "session_token" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_token" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "preference" (
    "user_id" UUID NOT NULL,
    "liked_genre_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "disliked_genre_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "media_types" "media_type"[] DEFAULT ARRAY[]::"media_type"[],
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "year_from" INTEGER,
    "year_to" INTEGER,
    "max_runtime" INTEGER,
    "min_rating" DOUBLE PRECISION,
    "include_adult" BOOLEAN NOT NULL DEFAULT false,
    "onboarded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "preference_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "favourite" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "media_type" "media_type" NOT NULL,
    "tmdb_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "favourite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "watchlist_item" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "media_type" "media_type" NOT NULL,
    "tmdb_id" INTEGER NOT NULL,
    "watched_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "watchlist_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dismissal" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "media_type" "media_type" NOT NULL,
    "tmdb_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dismissal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "media_cache" (
    "media_type" "media_type" NOT NULL,
    "tmdb_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "original_title" TEXT NOT NULL,
    "overview" TEXT NOT NULL DEFAULT '',
    "poster_path" TEXT,
    "backdrop_path" TEXT,
    "release_date" DATE,
    "genre_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "original_language" TEXT NOT NULL,
    "popularity" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "vote_average" DOUBLE PRECISION,
    "vote_count" INTEGER,
    "adult" BOOLEAN NOT NULL DEFAULT false,
    "runtime" INTEGER,
    "cast_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "director_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "keyword_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "tagline" TEXT,
    "status" TEXT,
    "imdb_id" TEXT,
    "source_lists" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "details_fetched_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "media_cache_pkey" PRIMARY KEY ("media_type","tmdb_id")
);

-- CreateTable
CREATE TABLE "genre" (
    "media_type" "media_type" NOT NULL,
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "genre_pkey" PRIMARY KEY ("media_type","id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "profile_path" TEXT,
    "known_for_department" TEXT,
    "popularity" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_cursor" (
    "list" TEXT NOT NULL,
    "next_page" INTEGER NOT NULL DEFAULT 1,
    "total_pages" INTEGER,
    "cycle" INTEGER NOT NULL DEFAULT 0,
    "pages_fetched" INTEGER NOT NULL DEFAULT 0,
    "last_run_at" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ingest_cursor_pkey" PRIMARY KEY ("list")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE INDEX "account_user_id_idx" ON "account"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "account_provider_provider_account_id_key" ON "account"("provider", "provider_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "session_session_token_key" ON "session"("session_token");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "verification_token_token_key" ON "verification_token"("token");

-- CreateIndex
CREATE UNIQUE INDEX "verification_token_identifier_token_key" ON "verification_token"("identifier", "token");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_user_id_idx" ON "api_token"("user_id");

-- CreateIndex
CREATE INDEX "favourite_media_type_tmdb_id_idx" ON "favourite"("media_type", "tmdb_id");

-- CreateIndex
CREATE INDEX "favourite_user_id_created_at_idx" ON "favourite"("user_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "favourite_user_id_media_type_tmdb_id_key" ON "favourite"("user_id", "media_type", "tmdb_id");

-- CreateIndex
CREATE INDEX "watchlist_item_media_type_tmdb_id_idx" ON "watchlist_item"("media_type", "tmdb_id");

-- CreateIndex
CREATE INDEX "watchlist_item_user_id_created_at_idx" ON "watchlist_item"("user_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "watchlist_item_user_id_media_type_tmdb_id_key" ON "watchlist_item"("user_id", "media_type", "tmdb_id");

-- CreateIndex
CREATE UNIQUE INDEX "dismissal_user_id_media_type_tmdb_id_key" ON "dismissal"("user_id", "media_type", "tmdb_id");

-- CreateIndex
CREATE INDEX "media_cache_genre_ids_idx" ON "media_cache" USING GIN ("genre_ids");

-- CreateIndex
CREATE INDEX "media_cache_popularity_idx" ON "media_cache"("popularity" DESC);

-- CreateIndex
CREATE INDEX "media_cache_media_type_popularity_idx" ON "media_cache"("media_type", "popularity" DESC);

-- CreateIndex
CREATE INDEX "media_cache_details_fetched_at_idx" ON "media_cache"("details_fetched_at");

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "preference" ADD CONSTRAINT "preference_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "favourite" ADD CONSTRAINT "favourite_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "watchlist_item" ADD CONSTRAINT "watchlist_item_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dismissal" ADD CONSTRAINT "dismissal_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
