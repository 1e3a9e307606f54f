import "reflect-metadata";
import { Field, ObjectType } from "type-graphql";
import { ConnectionType, EdgeType } from "../../graphql/connection.ts";
import { Media } from "../media/media.types.ts";

@ObjectType({ description: "A title on the watchlist, and when it was added." })
export class WatchlistEdge extends EdgeType(Media) {
  @Field(() => Date, { description: "When it was added to the watchlist." })
  addedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it was marked watched; null while still to watch." })
  watchedAt!: Date | null;
}

@ObjectType({ description: "The caller's watchlist, newest first." })
export class WatchlistConnection extends ConnectionType(WatchlistEdge) {}
