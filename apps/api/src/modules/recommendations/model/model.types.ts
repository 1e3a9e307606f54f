import "reflect-metadata";
import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "One trained version of the recommendation model." })
export class RecommendationModelVersion {
  @Field(() => Int, { description: "Its number, counting up from 1." })
  version!: number;

  @Field(() => String, { description: "TRAINING, LIVE, RETIRED or FAILED." })
  status!: string;

  @Field(() => String, { description: 'e.g. "ease+item-knn".' })
  algorithm!: string;

  @Field(() => Int, { description: "People whose interactions it learnt from." })
  users!: number;

  @Field(() => Int, { description: "Titles with a neighbour list." })
  titles!: number;

  @Field(() => Int, { description: "Distinct (person, title) pairs it learnt from." })
  interactions!: number;

  @Field(() => Date, { description: "It learnt from interactions created before this." })
  dataUpTo!: Date;

  @Field(() => Date, { description: "When its training started." })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it went live; null while training or if it failed." })
  liveAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "Read, train and write, in milliseconds." })
  trainingMs!: number | null;

  @Field(() => String, { description: "Why training failed, when it did.", nullable: true })
  error!: string | null;
}

@ObjectType({ description: "Admin view of the recommendation model: the live version, the latest, and what has changed since." })
export class RecommendationModelStatus {
  @Field(() => RecommendationModelVersion, { nullable: true, description: "The model recommendations use now; null before the first training." })
  live!: RecommendationModelVersion | null;

  @Field(() => RecommendationModelVersion, { nullable: true, description: "The newest version, live or not (a training in progress or one that failed)." })
  latest!: RecommendationModelVersion | null;

  @Field(() => Int, {
    description: "Interactions created since the live model's data: they count already for their own person, and for everyone at the next training.",
  })
  newInteractions!: number;
}

@ObjectType({ description: "A requested training run: its job, and whether one was already waiting." })
export class ModelTrainingRequest {
  @Field(() => String, { description: "The queued training's job id." })
  jobId!: string;

  @Field(() => Boolean, { description: "True when a requested training was already waiting; nothing new was queued." })
  alreadyQueued!: boolean;
}
