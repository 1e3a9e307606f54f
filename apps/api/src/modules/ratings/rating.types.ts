import "reflect-metadata";
import { Field, Int, ObjectType } from "type-graphql";
import { ConnectionType, EdgeType } from "../../graphql/connection.ts";
import { Media } from "../media/media.types.ts";

@ObjectType({ description: "A rated title, with the rating and when it was given." })
export class RatingEdge extends EdgeType(Media) {
  @Field(() => Int, { description: "The caller's rating, 1–10: half stars to five stars, doubled (7 is 3½ stars)." })
  rating!: number;

  @Field(() => Date, { description: "When it was first rated." })
  ratedAt!: Date;
}

@ObjectType({ description: "The titles the caller rated, newest first (by when each was first rated)." })
export class RatingConnection extends ConnectionType(RatingEdge) {}
