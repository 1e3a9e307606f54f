import "reflect-metadata";
import { Field, ObjectType } from "type-graphql";
import { ConnectionType, EdgeType } from "../../graphql/connection.ts";
import { Media } from "../media/media.types.ts";

@ObjectType({ description: "A favourite, and when it was made one." })
export class FavouriteEdge extends EdgeType(Media) {
  @Field(() => Date, { description: "When it was made a favourite." })
  addedAt!: Date;
}

@ObjectType({ description: "The caller's favourites, newest first." })
export class FavouriteConnection extends ConnectionType(FavouriteEdge) {}
