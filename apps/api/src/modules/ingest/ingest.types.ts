import "reflect-metadata";
import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A requested ingest run: its job, and whether one was already waiting." })
export class IngestRunRequest {
  @Field(() => String, { description: "The queued run's job id." })
  jobId!: string;

  @Field(() => Boolean, { description: "True when a requested run was already waiting; nothing new was queued." })
  alreadyQueued!: boolean;
}

@ObjectType({ description: "Where the worker stands in one TMDB list." })
export class IngestCursorStatus {
  @Field(() => String, { description: '"movie/popular", "trending/all/week", …' })
  list!: string;

  @Field(() => Int, { description: "The page of the list it fetches next." })
  nextPage!: number;

  @Field(() => Int, { nullable: true, description: "min(TMDB's total pages, 500); null before the first page." })
  lastPage!: number | null;

  @Field(() => Int, { description: "Completed passes over the list." })
  cycle!: number;

  @Field(() => Int, { description: "How many pages of the list it has fetched in this cycle." })
  pagesFetched!: number;

  @Field(() => Date, { description: "When it last fetched a page of this list.", nullable: true })
  lastRunAt!: Date | null;

  @Field(() => Date, { description: "When a page of this list last arrived without an error.", nullable: true })
  lastSuccessAt!: Date | null;

  @Field(() => String, { description: "The last error paging this list, if the last attempt failed.", nullable: true })
  lastError!: string | null;
}

@ObjectType({ description: "A job that failed, and why." })
export class JobFailure {
  @Field(() => String, { description: "The job's id in its queue." })
  id!: string;

  @Field(() => String, { description: "Why it failed (the error's message)." })
  reason!: string;

  @Field(() => Date, { description: "When it failed.", nullable: true })
  failedAt!: Date | null;

  @Field(() => Int, { description: "How many times it was tried." })
  attempts!: number;
}

@ObjectType({ description: "One BullMQ queue's job counts." })
export class QueueStatus {
  @Field(() => String, { description: "The queue's name." })
  name!: string;

  @Field(() => Int, { description: "Jobs waiting to run." })
  waiting!: number;

  @Field(() => Int, { description: "Jobs running now." })
  active!: number;

  @Field(() => Int, { description: "Jobs waiting for their time (retries, repeats)." })
  delayed!: number;

  @Field(() => Int, { description: "Jobs that failed for good (kept for inspection)." })
  failed!: number;

  @Field(() => Int, { description: "Jobs done (the most recent are kept)." })
  completed!: number;

  @Field(() => [JobFailure], { description: "The latest failures, newest first." })
  recentFailures!: JobFailure[];
}

@ObjectType({ description: "Admin view of the background ingest: the TMDB lists and the queues." })
export class IngestStatus {
  @Field(() => [IngestCursorStatus], { description: "Each TMDB list the worker pages, and where it stands." })
  cursors!: IngestCursorStatus[];

  @Field(() => [QueueStatus], { description: "Each BullMQ queue's job counts and recent failures." })
  queues!: QueueStatus[];
}
