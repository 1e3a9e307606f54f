import "reflect-metadata";
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType, EdgeType } from "../../graphql/connection.ts";
import { Media, MediaType } from "../media/media.types.ts";
import { REASON_KINDS, type ReasonKind as ReasonKindName } from "./ranking/types.ts";

/** The ranking's reason kinds (ranking/types.ts) as the GraphQL enum, each value described. */
const ReasonKind = Object.fromEntries(Object.keys(REASON_KINDS).map((kind) => [kind, kind])) as { [Kind in ReasonKindName]: Kind };
registerEnumType(ReasonKind, {
  name: "ReasonKind",
  description: "What a recommendation's reason rests on.",
  valuesConfig: Object.fromEntries(Object.entries(REASON_KINDS).map(([kind, description]) => [kind, { description }])),
});

@ObjectType({ description: "Why a title was recommended, in words a person reads." })
export class RecommendationReason {
  @Field(() => ReasonKind, { description: "What the reason rests on." })
  kind!: ReasonKindName;

  @Field(() => String, { description: 'e.g. "Because you liked Heat", "Top-rated Crime".' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'What it refers to: a media id ("movie:949"), "person:1158" or "genre:80".' })
  refersTo!: string | null;
}

@ObjectType({ description: "A recommended title, how relevant it is, and why." })
export class Recommendation {
  @Field(() => Media, { description: "The recommended title." })
  media!: Media;

  @Field(() => Float, { description: "Relevance from 0 to 1; the list is ordered by it after a diversity re-rank." })
  score!: number;

  @Field(() => [RecommendationReason], { description: "At least one; the most specific first." })
  reasons!: RecommendationReason[];
}

@ObjectType({ description: "A recommendation in a page of them." })
export class RecommendationEdge extends EdgeType(Recommendation) {}

@ObjectType({ description: "A page of ranked, explained recommendations." })
export class RecommendationConnection extends ConnectionType(RecommendationEdge) {
  @Field(() => Boolean, { description: "True when the caller has no favourites or watchlist yet: popular and top-rated picks within their genres." })
  coldStart!: boolean;
}

@InputType({ description: "Narrows recommendations for this request, on top of the caller's preferences." })
export class RecommendationFilter {
  @Field(() => MediaType, { description: "Films or series; both when not given.", nullable: true })
  type?: MediaType | null;

  @Field(() => [Int], { nullable: true, description: "Only titles with at least one of these genres." })
  genreIds?: number[] | null;

  @Field(() => Int, { description: "Released in or after this year.", nullable: true })
  yearFrom?: number | null;

  @Field(() => Int, { description: "Released in or before this year.", nullable: true })
  yearTo?: number | null;

  @Field(() => Float, { description: "TMDB vote average at least this (0 to 10).", nullable: true })
  minRating?: number | null;

  @Field(() => Int, { description: "Runtime at most this many minutes.", nullable: true })
  maxRuntime?: number | null;

  @Field(() => [String], { description: 'Only titles whose original language is one of these ISO 639-1 codes ("en").', nullable: true })
  languages?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Only titles streamed (subscription, free or with ads) on the caller's streaming services in their region; both must be set in preferences.",
  })
  availableToMe?: boolean | null;
}
