import "reflect-metadata";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node.ts";

@ObjectType({ implements: Node, description: "A streaming service, shop or free channel, as TMDB (from JustWatch) lists it." })
export class WatchProvider implements Node {
  @Field(() => ID, { description: "Its global id: opaque (do not parse it), stable, and accepted by node(id:)." })
  id!: string;

  @Field(() => Int, { description: "TMDB watch provider id (8 is Netflix), what preferences' streamingServiceIds take." })
  tmdbId!: number;

  @Field(() => String, { description: 'Its name ("Netflix").' })
  name!: string;

  @Field(() => String, { nullable: true, description: "Its logo, w92, when TMDB has one." })
  logoUrl!: string | null;
}

@ObjectType({ description: "A country or territory with watch-provider data." })
export class WatchRegion {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code, "US".' })
  code!: string;

  @Field(() => String, { description: 'Its English name, "United States".' })
  name!: string;
}

@ObjectType({ description: "Where a title can be watched in one region, by kind of offer. Every list is empty when nothing is known there." })
export class WhereToWatch {
  @Field(() => WatchRegion, { description: "The region these offers are for." })
  region!: WatchRegion;

  @Field(() => String, { nullable: true, description: "TMDB's page for the title there, with links to each offer." })
  link!: string | null;

  @Field(() => [WatchProvider], { description: "Included with a subscription (flatrate)." })
  stream!: WatchProvider[];

  @Field(() => [WatchProvider], { description: "Free, or free with ads." })
  free!: WatchProvider[];

  @Field(() => [WatchProvider], { description: "To rent." })
  rent!: WatchProvider[];

  @Field(() => [WatchProvider], { description: "To buy." })
  buy!: WatchProvider[];

  @Field(() => Boolean, { description: "Whether one of the caller's streaming services streams it here (false when anonymous)." })
  onMyServices!: boolean;
}
