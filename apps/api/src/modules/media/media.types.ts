import "reflect-metadata";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../graphql/node.ts";

export enum MediaType {
  MOVIE = "MOVIE",
  TV = "TV",
}
registerEnumType(MediaType, {
  name: "MediaType",
  description: "A film or a TV series.",
  valuesConfig: { MOVIE: { description: "A film." }, TV: { description: "A TV series." } },
});

export enum PosterSize {
  W92 = "w92",
  W154 = "w154",
  W185 = "w185",
  W342 = "w342",
  W500 = "w500",
  W780 = "w780",
  ORIGINAL = "original",
}
registerEnumType(PosterSize, {
  name: "PosterSize",
  description: "A poster's width in pixels, as TMDB's image server offers it (ORIGINAL: as uploaded).",
  valuesConfig: {
    W92: { description: "92 px wide." },
    W154: { description: "154 px wide." },
    W185: { description: "185 px wide." },
    W342: { description: "342 px wide." },
    W500: { description: "500 px wide." },
    W780: { description: "780 px wide." },
    ORIGINAL: { description: "As uploaded (can be several megabytes)." },
  },
});

export enum BackdropSize {
  W300 = "w300",
  W780 = "w780",
  W1280 = "w1280",
  ORIGINAL = "original",
}
registerEnumType(BackdropSize, {
  name: "BackdropSize",
  description: "A backdrop's width in pixels, as TMDB's image server offers it (ORIGINAL: as uploaded).",
  valuesConfig: {
    W300: { description: "300 px wide." },
    W780: { description: "780 px wide." },
    W1280: { description: "1280 px wide." },
    ORIGINAL: { description: "As uploaded (can be several megabytes)." },
  },
});

@ObjectType({ implements: Node, description: "A TMDB genre. Movie and TV genres share some ids (e.g. 18 Drama)." })
export class Genre implements Node {
  @Field(() => ID, { description: "Its global id: opaque (do not parse it), stable, and accepted by node(id:)." })
  id!: string;

  @Field(() => Int, { description: "TMDB's genre id, what preferences and browse filters take (18 is Drama)." })
  tmdbId!: number;

  @Field(() => String, { description: 'Its name, as TMDB gives it ("Drama").' })
  name!: string;
}

@ObjectType({ implements: Node, description: "A cast or crew member." })
export class Person implements Node {
  @Field(() => ID, { description: "Its global id: opaque (do not parse it), stable, and accepted by node(id:)." })
  id!: string;

  @Field(() => Int, { description: "TMDB person id." })
  tmdbId!: number;

  @Field(() => String, { description: "Their name, as TMDB gives it." })
  name!: string;

  @Field(() => String, { nullable: true, description: "A w185 profile image, when TMDB has one." })
  profileUrl!: string | null;
}

@ObjectType({ description: "A title's trailer (or, without one, its teaser), as TMDB lists it." })
export class Trailer {
  @Field(() => String, { description: 'Its name on the site ("Official Trailer").' })
  name!: string;

  @Field(() => String, { description: "YouTube or Vimeo." })
  site!: string;

  @Field(() => String, { description: "The video's id on that site." })
  key!: string;

  @Field(() => String, { description: "Where it plays: the video's page on that site." })
  url!: string;
}

@ObjectType({ implements: Node, description: "A film or TV series from the media cache. Per-user fields need a signed-in caller." })
export class Media implements Node {
  @Field(() => ID, { description: "Its global id: opaque (do not parse it), stable, and accepted by node(id:)." })
  id!: string;

  @Field(() => MediaType, { description: "MOVIE or TV." })
  type!: MediaType;

  @Field(() => Int, { description: "TMDB's id of the title (within its type)." })
  tmdbId!: number;

  @Field(() => String, { description: "The title in the caller's language (Accept-Language) when TMDB has a translation, else in English." })
  title!: string;

  @Field(() => String, { description: "The title in its original language." })
  originalTitle!: string;

  @Field(() => String, { description: "TMDB's synopsis, in the caller's language when TMDB has one in it; empty when it has none." })
  overview!: string;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD (first air date for TV)." })
  releaseDate!: string | null;

  @Field(() => Int, { description: "The year of its first release (first air date for series); null when unknown.", nullable: true })
  year!: number | null;

  @Field(() => String, { description: "ISO 639-1 code." })
  originalLanguage!: string;

  @Field(() => Float, { description: "TMDB's popularity score: higher is more popular right now; not comparable across days." })
  popularity!: number;

  @Field(() => Boolean, { description: "Whether TMDB marks it as adult content (left out unless preferences include it)." })
  adult!: boolean;
}
