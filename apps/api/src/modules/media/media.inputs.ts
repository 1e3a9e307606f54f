import "reflect-metadata";
import { ArgsType, Field, Float, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType, EdgeType, PageArgs } from "../../graphql/connection.ts";
import { BROWSE_SORTS, type BrowseSort as BrowseSortName } from "./media.service.ts";
import { Media, MediaType } from "./media.types.ts";

/** browse's orders (media.service.ts BROWSE_SORTS) as the GraphQL enum, each value described. */
const BrowseSort = Object.fromEntries(Object.keys(BROWSE_SORTS).map((sort) => [sort, sort])) as { [Sort in BrowseSortName]: Sort };
registerEnumType(BrowseSort, {
  name: "BrowseSort",
  description: "How browse orders titles.",
  valuesConfig: Object.fromEntries(Object.entries(BROWSE_SORTS).map(([sort, description]) => [sort, { description }])),
});

@ObjectType({ description: "A title in a page of titles." })
export class MediaEdge extends EdgeType(Media) {}

@ObjectType({ description: "A page of titles (browse, search)." })
export class MediaConnection extends ConnectionType(MediaEdge) {}

@ArgsType()
export class SearchMediaArgs extends PageArgs {
  @Field(() => String, { description: "Words from the title, 1 to 100 characters." })
  query!: string;

  @Field(() => MediaType, { nullable: true, description: "Only films or only series." })
  type?: MediaType | null;
}

@InputType({ description: "Browse filters; all optional except the media type." })
export class BrowseFilter {
  @Field(() => MediaType, { description: "Films or series (one of them: ask twice for both)." })
  type!: MediaType;

  @Field(() => [Int], { nullable: true, description: "Titles must have every one of these genres." })
  genreIds?: number[] | null;

  @Field(() => Int, { description: "Released in or after this year.", nullable: true })
  yearFrom?: number | null;

  @Field(() => Int, { description: "Released in or before this year.", nullable: true })
  yearTo?: number | null;

  @Field(() => String, { nullable: true, description: 'Original language, ISO 639-1 ("en", "ko").' })
  language?: string | null;

  @Field(() => Float, { nullable: true, description: "Minimum TMDB vote average, 0 to 10." })
  minRating?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Only titles streamed (subscription, free or with ads) on the caller's streaming services in their region. Needs a signed-in caller with both set in preferences.",
  })
  availableToMe?: boolean | null;
}

@ArgsType()
export class BrowseArgs extends PageArgs {
  @Field(() => BrowseFilter, { description: "What to browse: the media type, and optional genres, years, languages and ratings." })
  filter!: BrowseFilter;

  @Field(() => BrowseSort, { nullable: true, defaultValue: BrowseSort.POPULARITY, description: "The order; most popular first when not given." })
  sort!: BrowseSortName;
}
