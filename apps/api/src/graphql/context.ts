import type { Redis } from "ioredis";
import type { Config } from "../config.ts";
import type { PrismaClient } from "../db.ts";
import { unauthenticated } from "../errors.ts";
import type { Logger } from "../logger.ts";
import type { Viewer } from "../modules/auth/viewer.ts";
import type { EnrichmentService } from "../modules/media/enrichment.service.ts";
import type { GenreService } from "../modules/media/genre.service.ts";
import type { ImageConfigService } from "../modules/media/image-config.service.ts";
import type { IngestQueues } from "../modules/ingest/ingest.queues.ts";
import type { RecommendationServing } from "../modules/recommendations/serving/recommendation-serving.ts";
import type { TmdbClient } from "../tmdb/index.ts";
import type { Loaders } from "./loaders.ts";

/** Long-lived services, created once per process. */
export interface AppServices {
  config: Config;
  logger: Logger;
  prisma: PrismaClient;
  redis: Redis;
  tmdb: TmdbClient;
  enrichment: EnrichmentService;
  genres: GenreService;
  images: ImageConfigService;
  queues: IngestQueues;
  /** The catalogue and live model held in memory for ranking (read on first use, then kept current). */
  recommendationServing: RecommendationServing;
}

export interface GraphQLContext extends AppServices {
  requestId: string;
  viewer: Viewer | null;
  /** True for the web server's own calls (next-auth account linking), proved by a derived key. */
  internal: boolean;
  loaders: Loaders;
}

/** The signed-in caller's user id, or UNAUTHENTICATED. */
export function requireUserId(context: GraphQLContext): string {
  if (!context.viewer) throw unauthenticated();
  return context.viewer.userId;
}
