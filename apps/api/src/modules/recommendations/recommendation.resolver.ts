import "reflect-metadata";
import { Arg, Args, Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.ts";
import { requireUserId } from "../../graphql/context.ts";
import { lazyEdge, offsetCursor, PageArgs, pageInfoOf, pageSize } from "../../graphql/connection.ts";

const recommendationCursor = offsetCursor("recommendations");
import { NO_VIEWER_STATE } from "../interactions/viewer-state.ts";
import { toMedia } from "../media/media.mapper.ts";
import { translationOf } from "../media/translations.ts";
import { RecommendationConnection, RecommendationFilter } from "./recommendation.types.ts";
import { hasNextRecommendationPage, recommend } from "./recommendation.service.ts";
import { sayReason } from "./ranking/reason-words.ts";
import type { Reason } from "./ranking/types.ts";

/**
 * How this caller reads the page's reasons: their stored English text, or the same words in the
 * caller's language, with its genre names and the titles they name as TMDB translates them.
 */
async function reasonText(ctx: GraphQLContext, reasons: readonly Reason[]): Promise<(reason: Reason) => string> {
  if (ctx.locale === "en") return (reason) => reason.text;
  const { locale } = ctx;
  const named = [...new Set(reasons.flatMap((reason) => (reason.words && "title" in reason.words && reason.refersTo ? [reason.refersTo] : [])))];
  const [genres, rows] = await Promise.all([ctx.genres.allGenres(locale), ctx.recommendationServing.currentRows(named)]);
  const titles = new Map<string, string>();
  rows.forEach((row, index) => {
    const title = row && translationOf(row, locale)?.title;
    if (title) titles.set(named[index]!, title);
  });
  return ({ words, refersTo, text }) => {
    if (!words) return text;
    const title = refersTo && "title" in words ? titles.get(refersTo) : undefined;
    return sayReason(title && "title" in words ? { ...words, title } : words, locale, (id) => genres.get(id));
  };
}

@Resolver()
export class RecommendationResolver {
  @Authorized()
  @Query(() => RecommendationConnection, { description: "Ranked, explained picks for the caller, following their preferences, favourites and watchlist." })
  async recommendations(
    @Args(() => PageArgs) args: PageArgs,
    @Arg("filter", () => RecommendationFilter, { nullable: true, description: "Narrows this request on top of the caller's preferences." })
    filter: RecommendationFilter | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const size = pageSize(args.first);
    const offset = recommendationCursor.decode(args.after);
    const { items, coldStart } = await recommend(ctx, {
      userId: requireUserId(ctx),
      offset,
      size,
      filter: {
        mediaType: filter?.type ?? null,
        genreIds: filter?.genreIds ?? [],
        yearFrom: filter?.yearFrom ?? null,
        yearTo: filter?.yearTo ?? null,
        minRating: filter?.minRating ?? null,
        maxRuntime: filter?.maxRuntime ?? null,
        languages: filter?.languages ?? [],
        availableToMe: filter?.availableToMe ?? false,
      },
    });
    const page = items.slice(0, size);
    // A ranked title is one the caller has done nothing with (any interaction excludes it, and any
    // change of taste drops stored rankings), so its isFavourite, inWatchlist… need no statement.
    for (const item of page) ctx.loaders.viewerState.prime(item.key, NO_VIEWER_STATE);
    // The page's rows from the serving process's memory where it holds them as they are now.
    const [rows, say] = await Promise.all([
      ctx.recommendationServing.mediaRows(page.map((item) => item.key)),
      reasonText(
        ctx,
        page.flatMap((item) => item.reasons),
      ),
    ]);
    const edges = page.flatMap((item, index) => {
      const row = rows[index];
      if (!row) return [];
      ctx.loaders.media.prime(item.key, row);
      return [
        lazyEdge(
          {
            media: toMedia(row),
            score: item.score,
            reasons: item.reasons.map((reason) => ({ kind: reason.kind, text: say(reason), refersTo: reason.refersTo ?? null })),
          },
          () => recommendationCursor.encode(offset + index + 1),
        ),
      ];
    });
    // No next page past the depth recommendations go to: its cursor would be refused.
    const hasNextPage = hasNextRecommendationPage({ offset, size, fetched: items.length });
    return { edges, pageInfo: pageInfoOf(edges, { hasNextPage, after: args.after }), coldStart };
  }
}
