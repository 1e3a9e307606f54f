import "reflect-metadata";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType, EdgeType } from "../../graphql/connection.ts";
import { Node } from "../../graphql/node.ts";

export enum ImportSource {
  LETTERBOXD = "LETTERBOXD",
  IMDB = "IMDB",
  TRAKT = "TRAKT",
  MOVIEREC = "MOVIEREC",
}
registerEnumType(ImportSource, {
  name: "ImportSource",
  description: "Whose export file an import read.",
  valuesConfig: {
    LETTERBOXD: { description: "Letterboxd's export ZIP (or one of its CSV files)." },
    IMDB: { description: "IMDb's ratings or list CSV." },
    TRAKT: { description: "Trakt's JSON export." },
    MOVIEREC: { description: "A movierec export (exportData MOVIEREC_JSON)." },
  },
});

export enum ImportStatus {
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  DONE = "DONE",
  FAILED = "FAILED",
}
registerEnumType(ImportStatus, {
  name: "ImportStatus",
  description: "Where an import stands.",
  valuesConfig: {
    QUEUED: { description: "Uploaded, waiting for the worker." },
    RUNNING: { description: "Being matched and applied." },
    DONE: { description: "Finished: every row matched and applied, or listed as unmatched." },
    FAILED: { description: "Stopped by an error (see error); rows applied so far stay." },
  },
});

@ObjectType({ implements: Node, description: "A row of an import that matched no title, or more than one: why, and what the file said." })
export class ImportRow implements Node {
  @Field(() => ID, { description: "Its global id: opaque (do not parse it), stable, and accepted by node(id:)." })
  id!: string;

  @Field(() => String, { description: "The file it came from (within a ZIP, its path)." })
  file!: string;

  @Field(() => Int, { description: "Its line in that file (the header is line 1), or its entry number in a JSON export." })
  line!: number;

  @Field(() => String, { description: "What the row says was done: FAVOURITE, WATCHLIST, WATCHED, RATING or DISMISSED." })
  kind!: string;

  @Field(() => String, { description: "The title the file gave.", nullable: true })
  title!: string | null;

  @Field(() => Int, { description: "The year the file gave, if any.", nullable: true })
  year!: number | null;

  @Field(() => Int, { nullable: true, description: "RATING rows: 1–10." })
  rating!: number | null;

  @Field(() => String, { nullable: true, description: "Why no title was chosen; after a choice by hand, what it was." })
  reason!: string | null;
}

@ObjectType({ description: "An unmatched row in a page of an import's rows." })
export class ImportRowEdge extends EdgeType(ImportRow) {}

@ObjectType({ description: "Rows of an import, in file order." })
export class ImportRowConnection extends ConnectionType(ImportRowEdge) {}

@ObjectType({ implements: Node, description: "An import of the caller's history from an export file, with its progress." })
export class ImportJob implements Node {
  @Field(() => ID, { description: "Its global id: opaque (do not parse it), stable, and accepted by node(id:)." })
  id!: string;

  @Field(() => ImportSource, { description: "Whose export file it read." })
  source!: ImportSource;

  @Field(() => String, { description: "The uploaded file's name." })
  fileName!: string;

  @Field(() => ImportStatus, { description: "Where it stands." })
  status!: ImportStatus;

  @Field(() => Int, { description: "Rows read from the file." })
  rowsTotal!: number;

  @Field(() => Int, { description: "Rows matched to a title so far." })
  rowsMatched!: number;

  @Field(() => Int, { description: "Rows written to the caller's favourites, lists and ratings so far." })
  rowsApplied!: number;

  @Field(() => Int, { description: "Rows that matched no title (see `unmatched`)." })
  rowsMissed!: number;

  @Field(() => Int, { description: "Calls made to TMDB to match rows (titles not yet in movierec's cache)." })
  tmdbCalls!: number;

  @Field(() => String, { nullable: true, description: "What went wrong, or what was left out (e.g. preferences), if anything." })
  error!: string | null;

  @Field(() => Date, { description: "When the file was uploaded." })
  createdAt!: Date;

  @Field(() => Date, { description: "When it finished (done or failed); null while it runs.", nullable: true })
  finishedAt!: Date | null;
}
