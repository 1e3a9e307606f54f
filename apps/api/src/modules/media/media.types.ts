import "reflect-metadata";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../graphql/node.ts";

export enum MediaType {
  MOVIE = "MOVIE",
  TV = "TV",
}
registerEnumType(MediaType, { name: "MediaType", description: "A film or a TV series." });

export enum PosterSize {
  W92 = "w92",
  W154 = "w154",
  W185 = "w185",
  W342 = "w342",
  W500 = "w500",
  W780 = "w780",
  ORIGINAL = "original",
}
registerEnumType(PosterSize, { name: "PosterSize" });

export enum BackdropSize {
  W300 = "w300",
  W780 = "w780",
  W1280 = "w1280",
  ORIGINAL = "original",
}
registerEnumType(BackdropSize, { name: "BackdropSize" });

@ObjectType({ implements: Node, description: "A TMDB genre. Movie and TV genres share some ids (e.g. 18 Drama)." })
export class Genre implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "TMDB's genre id, what preferences and browse filters take (18 is Drama)." })
  tmdbId!: number;

  @Field(() => String)
  name!: string;
}

@ObjectType({ implements: Node, description: "A cast or crew member." })
export class Person implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "TMDB person id." })
  tmdbId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: "A w185 profile image, when TMDB has one." })
  profileUrl!: string | null;
}

@ObjectType({ implements: Node, description: "A film or TV series from the media cache. Per-user fields need a signed-in caller." })
export class Media implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => MediaType)
  type!: MediaType;

  @Field(() => Int)
  tmdbId!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  originalTitle!: string;

  @Field(() => String)
  overview!: string;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD (first air date for TV)." })
  releaseDate!: string | null;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => String, { description: "ISO 639-1 code." })
  originalLanguage!: string;

  @Field(() => Float)
  popularity!: number;

  @Field(() => Boolean)
  adult!: boolean;
}
