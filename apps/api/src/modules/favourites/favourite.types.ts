import "reflect-metadata";
import { Field, ObjectType } from "type-graphql";
import { PageInfo } from "../../graphql/connection.ts";
import { Media } from "../media/media.types.ts";

@ObjectType()
export class FavouriteEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Media)
  node!: Media;

  @Field(() => Date, { description: "When it was made a favourite." })
  addedAt!: Date;
}

@ObjectType({ description: "The caller's favourites, newest first." })
export class FavouriteConnection {
  @Field(() => [FavouriteEdge])
  edges!: FavouriteEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
