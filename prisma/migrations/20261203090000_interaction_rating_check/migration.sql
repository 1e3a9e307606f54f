-- A rating is 1–10 (half stars to five stars, doubled) on RATING rows, and only there. Prisma's
-- schema cannot declare a CHECK; `prisma migrate diff` leaves it alone.
ALTER TABLE "interaction" ADD CONSTRAINT "interaction_rating_check"
  CHECK (("kind" = 'rating') = ("rating" IS NOT NULL) AND ("rating" IS NULL OR "rating" BETWEEN 1 AND 10));
