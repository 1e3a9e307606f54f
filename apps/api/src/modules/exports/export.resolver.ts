import "reflect-metadata";
import { Arg, Authorized, Ctx, Field, ObjectType, Query, registerEnumType, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.ts";
import { requireUserId } from "../../graphql/context.ts";
import { letterboxdCsv, movierecExport } from "./export.service.ts";

export enum ExportFormat {
  MOVIEREC_JSON = "MOVIEREC_JSON",
  LETTERBOXD_FILMS_CSV = "LETTERBOXD_FILMS_CSV",
  LETTERBOXD_WATCHLIST_CSV = "LETTERBOXD_WATCHLIST_CSV",
}
registerEnumType(ExportFormat, {
  name: "ExportFormat",
  description:
    "MOVIEREC_JSON: everything, importable into movierec. LETTERBOXD_*: films for Letterboxd's importer (watched, rated and liked; or the watchlist).",
  valuesConfig: {
    MOVIEREC_JSON: { description: "Everything of the caller's, as JSON that movierec imports again." },
    LETTERBOXD_FILMS_CSV: { description: "Films watched, rated and liked, as CSV for Letterboxd's importer." },
    LETTERBOXD_WATCHLIST_CSV: { description: "The watchlist's films, as CSV for Letterboxd's importer." },
  },
});

@ObjectType({ description: "A file of the caller's data, to save." })
export class ExportFile {
  @Field(() => String, { description: "A file name to save it under." })
  fileName!: string;

  @Field(() => String, { description: "Its media type (application/json or text/csv)." })
  contentType!: string;

  @Field(() => String, { description: "The file's text." })
  content!: string;
}

@Resolver()
export class ExportResolver {
  @Authorized()
  @Query(() => ExportFile, {
    description:
      "Everything the caller has (favourites, watchlist, watched, ratings, dismissals, preferences, import history) as one file. Importing a MOVIEREC_JSON export (POST /imports) into an account gives it the same state.",
  })
  async exportData(
    @Arg("format", () => ExportFormat, { description: "Which file to make." }) format: ExportFormat,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ExportFile> {
    const userId = requireUserId(ctx);
    const date = new Date().toISOString().slice(0, 10);
    if (format === ExportFormat.MOVIEREC_JSON)
      return {
        fileName: `movierec-export-${date}.json`,
        contentType: "application/json",
        content: `${JSON.stringify(await movierecExport(ctx, userId), null, 2)}\n`,
      };
    const list = format === ExportFormat.LETTERBOXD_WATCHLIST_CSV ? "watchlist" : "films";
    return { fileName: `movierec-letterboxd-${list}-${date}.csv`, contentType: "text/csv", content: await letterboxdCsv(ctx, userId, list) };
  }
}
