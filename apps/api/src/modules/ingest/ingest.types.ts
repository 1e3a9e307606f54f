import "reflect-metadata";
import { Field, Int, ObjectType } from "type-graphql";

@ObjectType()
export class IngestRunRequest {
  @Field(() => String)
  jobId!: string;

  @Field(() => Boolean, { description: "True when a requested run was already waiting; nothing new was queued." })
  alreadyQueued!: boolean;
}

@ObjectType({ description: "Where the worker stands in one TMDB list." })
export class IngestCursorStatus {
  @Field(() => String, { description: '"movie/popular", "trending/all/week", …' })
  list!: string;

  @Field(() => Int)
  nextPage!: number;

  @Field(() => Int, { nullable: true, description: "min(TMDB's total pages, 500); null before the first page." })
  lastPage!: number | null;

  @Field(() => Int, { description: "Completed passes over the list." })
  cycle!: number;

  @Field(() => Int)
  pagesFetched!: number;

  @Field(() => Date, { nullable: true })
  lastRunAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastSuccessAt!: Date | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;
}

@ObjectType()
export class JobFailure {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => Date, { nullable: true })
  failedAt!: Date | null;

  @Field(() => Int)
  attempts!: number;
}

@ObjectType()
export class QueueStatus {
  @Field(() => String)
  name!: string;

  @Field(() => Int)
  waiting!: number;

  @Field(() => Int)
  active!: number;

  @Field(() => Int)
  delayed!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => [JobFailure])
  recentFailures!: JobFailure[];
}

@ObjectType()
export class IngestStatus {
  @Field(() => [IngestCursorStatus])
  cursors!: IngestCursorStatus[];

  @Field(() => [QueueStatus])
  queues!: QueueStatus[];
}
