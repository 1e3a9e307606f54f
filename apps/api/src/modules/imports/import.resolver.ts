import "reflect-metadata";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.ts";
import { requireUserId } from "../../graphql/context.ts";
import { firstOf, MAX_PAGE_SIZE, PageArgs, pageSize, positionCursor, toConnection } from "../../graphql/connection.ts";

const importRowCursor = positionCursor("import-rows");
import { MediaRefInput, mediaRefOf } from "../../graphql/media-ref.input.ts";
import { countUnmatchedRows, getImport, listImports, resolveImportRow, unmatchedRows } from "./import.service.ts";
import { ImportJob, ImportRow, ImportRowConnection } from "./import.types.ts";
import { unmatchedCsv } from "./unmatched-csv.ts";

@Resolver(() => ImportJob)
export class ImportResolver {
  @Authorized()
  @Query(() => [ImportJob], { description: "The caller's imports, newest first (upload a file with POST /imports)." })
  async imports(@Arg("first", () => Int, { description: "How many, 1 to 50, newest first.", defaultValue: 10 }) first: number, @Ctx() ctx: GraphQLContext) {
    return listImports(ctx, { userId: requireUserId(ctx), first: firstOf(first, { max: MAX_PAGE_SIZE, fallback: 10 }) });
  }

  @Authorized()
  @Query(() => ImportJob, { description: "One of the caller's imports, with its progress." })
  async import(@Arg("id", () => ID, { description: "The import's id (ImportJob.id)." }) id: string, @Ctx() ctx: GraphQLContext) {
    return getImport(ctx, { userId: requireUserId(ctx), importId: id });
  }

  @FieldResolver(() => ImportRowConnection, { description: "The rows that matched no title, each with why, in file order." })
  async unmatched(@Root() job: ImportJob, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: GraphQLContext) {
    const size = pageSize(args.first);
    const rows = await unmatchedRows(ctx, { importId: job.id, afterPosition: importRowCursor.decode(args.after), size });
    return {
      ...toConnection({ items: rows, size, node: (row) => row, cursor: (row) => importRowCursor.encode(row.position), after: args.after }),
      countTotal: () => countUnmatchedRows(ctx, job.id),
    };
  }

  @FieldResolver(() => String, { description: "Every unmatched row as CSV (file, line, kind, title, year, rating, reason), to download." })
  async unmatchedCsv(@Root() job: ImportJob, @Ctx() ctx: GraphQLContext) {
    return unmatchedCsv(ctx, job.id);
  }

  @Authorized()
  @Mutation(() => ImportRow, { description: "Settles an unmatched import row by hand: it is that title, and is applied at once." })
  async resolveImportRow(
    @Arg("rowId", () => ID, { description: "The unmatched row's id (ImportRow.id)." }) rowId: string,
    @Arg("media", () => MediaRefInput, { description: "The title the row means." }) media: MediaRefInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return resolveImportRow(ctx, { userId: requireUserId(ctx), rowId, ref: mediaRefOf(media) });
  }
}
