-- CreateEnum
CREATE TYPE "import_source" AS ENUM ('letterboxd', 'imdb', 'trakt', 'movierec');

-- CreateEnum
CREATE TYPE "import_status" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateEnum
CREATE TYPE "import_row_status" AS ENUM ('pending', 'matched', 'applied', 'unmatched');

-- CreateTable
CREATE TABLE "import_job" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "source" "import_source" NOT NULL,
    "file_name" TEXT NOT NULL,
    "status" "import_status" NOT NULL DEFAULT 'queued',
    "rows_total" INTEGER NOT NULL,
    "rows_matched" INTEGER NOT NULL DEFAULT 0,
    "rows_applied" INTEGER NOT NULL DEFAULT 0,
    "rows_missed" INTEGER NOT NULL DEFAULT 0,
    "tmdb_calls" INTEGER NOT NULL DEFAULT 0,
    "preferences" JSONB,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_row" (
    "id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "file" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "kind" "interaction_kind" NOT NULL,
    "title" TEXT,
    "year" INTEGER,
    "media_type" "media_type",
    "tmdb_id" INTEGER,
    "imdb_id" TEXT,
    "rating" SMALLINT,
    "happened_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "import_row_status" NOT NULL DEFAULT 'pending',
    "matched_type" "media_type",
    "matched_tmdb_id" INTEGER,
    "reason" TEXT,

    CONSTRAINT "import_row_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_job_user_id_created_at_idx" ON "import_job"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "import_row_job_id_status_position_idx" ON "import_row"("job_id", "status", "position");

-- CreateIndex
CREATE UNIQUE INDEX "import_row_job_id_position_key" ON "import_row"("job_id", "position");

-- AddForeignKey
ALTER TABLE "import_job" ADD CONSTRAINT "import_job_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_row" ADD CONSTRAINT "import_row_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

