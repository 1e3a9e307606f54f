import "reflect-metadata";
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageInfo } from "../../graphql/connection.ts";
import { Media, MediaType } from "../media/media.types.ts";

export enum ReasonKind {
  BECAUSE_YOU_LIKED = "BECAUSE_YOU_LIKED",
  PEOPLE_ALSO_LIKED = "PEOPLE_ALSO_LIKED",
  FAVOURITE_PERSON = "FAVOURITE_PERSON",
  GENRE = "GENRE",
  TOP_RATED = "TOP_RATED",
  POPULAR = "POPULAR",
  HIDDEN_GEM = "HIDDEN_GEM",
  NEW_RELEASE = "NEW_RELEASE",
  LANGUAGE_OR_ERA = "LANGUAGE_OR_ERA",
}
registerEnumType(ReasonKind, { name: "ReasonKind" });

@ObjectType({ description: "Why a title was recommended, in words a person reads." })
export class RecommendationReason {
  @Field(() => ReasonKind)
  kind!: ReasonKind;

  @Field(() => String, { description: 'e.g. "Because you liked Heat", "Top-rated Crime".' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'What it refers to: a media id ("movie:949"), "person:1158" or "genre:80".' })
  refersTo!: string | null;
}

@ObjectType()
export class Recommendation {
  @Field(() => Media)
  media!: Media;

  @Field(() => Float, { description: "Relevance from 0 to 1; the list is ordered by it after a diversity re-rank." })
  score!: number;

  @Field(() => [RecommendationReason], { description: "At least one; the most specific first." })
  reasons!: RecommendationReason[];
}

@ObjectType()
export class RecommendationEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Recommendation)
  node!: Recommendation;
}

@ObjectType()
export class RecommendationConnection {
  @Field(() => [RecommendationEdge])
  edges!: RecommendationEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Boolean, { description: "True when the caller has no favourites or watchlist yet: popular and top-rated picks within their genres." })
  coldStart!: boolean;
}

@InputType({ description: "Narrows recommendations for this request, on top of the caller's preferences." })
export class RecommendationFilter {
  @Field(() => MediaType, { nullable: true })
  type?: MediaType | null;

  @Field(() => [Int], { nullable: true, description: "Only titles with at least one of these genres." })
  genreIds?: number[] | null;

  @Field(() => Int, { nullable: true })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true })
  yearTo?: number | null;

  @Field(() => Float, { nullable: true })
  minRating?: number | null;

  @Field(() => Int, { nullable: true })
  maxRuntime?: number | null;

  @Field(() => [String], { nullable: true })
  languages?: string[] | null;
}
