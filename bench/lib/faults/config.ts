// The settings of bench/faults.ts (FAULTS_* environment variables), the operations its clients
// send, the list pages the ingest fetches, small time helpers, and what the stages record: every
// call, cursor samples, and each phase's windows and notes.
import { mediaKey } from "../../../apps/api/src/modules/media/media-key.ts";
import type { CrowdTitle } from "../crowd.ts";
import { round } from "../report.ts";

export const TITLES = Number(process.env.FAULTS_TITLES ?? 20_000);
export const READERS = Number(process.env.FAULTS_READERS ?? 4);
/** How long Redis and Postgres stay down, and about how long TMDB fails. */
export const DOWN_SECONDS = Number(process.env.FAULTS_DOWN_SECONDS ?? 5);
export const TMDB_DOWN_SECONDS = Number(process.env.FAULTS_TMDB_DOWN_SECONDS ?? 10);
export const STEADY_SECONDS = Number(process.env.FAULTS_STEADY_SECONDS ?? 5);
/**
 * Half the default 30 s, so a killed worker's run is taken over sooner; still longer than the Redis
 * outage below, as in production (a Redis outage longer than the lock makes BullMQ hand the run to
 * another worker while the first still runs it).
 */
export const WORKER_LOCK_MS = 15_000;
/** A client gives up after this: an answer that takes longer counts as a hang. */
export const CLIENT_TIMEOUT_MS = 15_000;
export const THINK_MS = 50;

export const READ = {
  recommendations: `query Recommendations { recommendations(first: 20) { edges { node { score media { id title posterUrl isFavourite } } } pageInfo { hasNextPage endCursor } } }`,
  browse: `query Browse($filter: BrowseFilter!) { browse(filter: $filter, first: 20) { edges { node { id title year posterUrl isFavourite } } pageInfo { hasNextPage endCursor } } }`,
  searchMedia: `query Search($query: String!) { searchMedia(query: $query, first: 10) { edges { node { id title year } } } }`,
  media: `query Title($type: MediaType!, $tmdbId: Int!) { media(type: $type, tmdbId: $tmdbId) { id title overview posterUrl genres { name } cast(first: 5) { name } directors { name } isFavourite similar(first: 12) { id title posterUrl } } }`,
} as const;
export const ADD_FAVOURITE = `mutation AddFavourite($media: MediaRefInput!) { addFavourite(media: $media) { id isFavourite } }`;
export const LIST_PATHS = new Set(["/3/movie/popular", "/3/tv/popular", "/3/movie/top_rated", "/3/tv/top_rated", "/3/trending/all/week"]);

export const idOf = (title: CrowdTitle) => mediaKey(title);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const now = () => performance.now();
export const since = (t0: number) => round((now() - t0) / 1000, 1);

/** What a phase observed besides the traffic. */
export interface PhaseNotes {
  pagesAtKill?: number;
  ingestResumedAfterMs?: number | null;
  ingestErrorRecorded?: boolean;
  lastError?: string | null;
  schedulersBefore?: string[];
  schedulersAfter?: string[];
  schedulersKept?: boolean;
  queuedJobAfter?: string;
}

export interface CallRecord {
  client: string;
  operation: string;
  start: number;
  end: number;
  problems: string[];
}

export interface CursorSample {
  at: number;
  rows: Array<{ list: string; nextPage: number; cycle: number; pagesFetched: number; lastError: string | null }>;
}

/** One stage: traffic before the fault, the fault itself, and after it until `end`. */
export interface Phase {
  name: string;
  start: number;
  faultStart: number;
  faultEnd: number;
  end: number;
  notes: PhaseNotes;
}
