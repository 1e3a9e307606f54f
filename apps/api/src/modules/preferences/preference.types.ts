import "reflect-metadata";
import { ArrayMaxSize, IsIn, IsInt, IsOptional, Matches, Max, Min } from "class-validator";
import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { MediaType } from "../media/media.types.ts";

@ObjectType({ description: "What the caller likes; recommendations follow it." })
export class Preferences {
  @Field(() => [Int], { description: "TMDB ids of the genres the person likes (Genre.tmdbId)." })
  likedGenreIds!: number[];

  @Field(() => [Int], { description: "TMDB ids of the genres the person does not want recommended." })
  dislikedGenreIds!: number[];

  @Field(() => [MediaType], { description: "Empty means both films and series." })
  mediaTypes!: MediaType[];

  @Field(() => [String], { description: "ISO 639-1 original languages; empty means any." })
  languages!: string[];

  @Field(() => Int, { description: "Recommend titles released in or after this year; null: any.", nullable: true })
  yearFrom!: number | null;

  @Field(() => Int, { description: "Recommend titles released in or before this year; null: any.", nullable: true })
  yearTo!: number | null;

  @Field(() => Int, { nullable: true, description: "Longest runtime in minutes." })
  maxRuntime!: number | null;

  @Field(() => Float, { nullable: true, description: "Lowest TMDB vote average, 0 to 10." })
  minRating!: number | null;

  @Field(() => Boolean, { description: "Whether titles TMDB marks as adult may be shown." })
  includeAdult!: boolean;

  @Field(() => String, { nullable: true, description: 'Where the caller watches: ISO 3166-1 alpha-2 ("US"); the watchRegions query lists them.' })
  watchRegion!: string | null;

  @Field(() => [Int], { description: "TMDB watch provider ids of the streaming services the caller has (watchProviders lists them)." })
  streamingServiceIds!: number[];

  @Field(() => Boolean, { description: "Whether onboarding was completed." })
  onboarded!: boolean;
}

@InputType({ description: "Only the fields given change; null clears an optional limit." })
export class UpdatePreferencesInput {
  @Field(() => [Int], { description: "TMDB ids of genres the person likes (Genre.tmdbId); replaces the stored list.", nullable: true })
  @IsOptional()
  @ArrayMaxSize(40)
  @IsInt({ each: true })
  @Min(1, { each: true })
  likedGenreIds?: number[];

  @Field(() => [Int], { description: "TMDB ids of genres never to recommend; replaces the stored list.", nullable: true })
  @IsOptional()
  @ArrayMaxSize(40)
  @IsInt({ each: true })
  @Min(1, { each: true })
  dislikedGenreIds?: number[];

  @Field(() => [MediaType], { description: "Films, series or both; replaces the stored choice.", nullable: true })
  @IsOptional()
  @IsIn(Object.values(MediaType), { each: true })
  mediaTypes?: MediaType[];

  @Field(() => [String], { description: 'ISO 639-1 codes of original languages to recommend ("en"); empty: any.', nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'languages must be ISO 639-1 codes such as "en"' })
  languages?: string[];

  @Field(() => Int, { description: "Recommend titles released in or after this year; null clears it.", nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1874)
  @Max(2100)
  yearFrom?: number | null;

  @Field(() => Int, { description: "Recommend titles released in or before this year; null clears it.", nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1874)
  @Max(2100)
  yearTo?: number | null;

  @Field(() => Int, { description: "Recommend titles of at most this many minutes; null clears it.", nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxRuntime?: number | null;

  @Field(() => Float, { description: "Recommend titles with a TMDB vote average of at least this (0 to 10); null clears it.", nullable: true })
  @IsOptional()
  @Min(0)
  @Max(10)
  minRating?: number | null;

  @Field(() => Boolean, { description: "Whether titles TMDB marks as adult may be shown.", nullable: true })
  includeAdult?: boolean;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 region ("US"), one the watchRegions query lists; null clears it.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'watchRegion must be an ISO 3166-1 alpha-2 code such as "US" or "GB"' })
  watchRegion?: string | null;

  @Field(() => [Int], { nullable: true, description: "Your streaming services: TMDB watch provider ids the watchProviders query lists; [] clears them." })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1, { each: true })
  streamingServiceIds?: number[];

  @Field(() => Boolean, { nullable: true, description: "true marks onboarding complete." })
  onboarded?: boolean;
}
