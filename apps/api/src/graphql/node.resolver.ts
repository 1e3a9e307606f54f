// node(id:) and nodes(ids:): any object the API hands out, fetched again by its global id
// (node.ts). An id that names nothing, or something of another person's, is null, never an error:
// a client cannot tell another person's object from one that does not exist.
import "reflect-metadata";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { badInput, AppError } from "../errors.ts";
import { toUser } from "../modules/auth/auth.resolver.ts";
import { toGenre, toMedia, toPerson } from "../modules/media/media.mapper.ts";
import { getMedia } from "../modules/media/media.service.ts";
import { toMediaType } from "../media-kind.ts";
import { toWatchProvider } from "../modules/watch-providers/watch-provider.resolver.ts";
import type { GraphQLContext } from "./context.ts";
import { Node, parseGlobalId } from "./node.ts";

/** Most ids one nodes(ids:) call takes. */
export const MAX_NODES = 50;

type Found = Node & { __typename?: string };

async function findNode(ctx: GraphQLContext, id: string): Promise<Found | null> {
  const parsed = parseGlobalId(id);
  if (!parsed) return null;
  switch (parsed.kind) {
    case "movie":
    case "tv":
      try {
        return toMedia(await getMedia(ctx, { mediaType: toMediaType(parsed.kind), tmdbId: parsed.tmdbId }));
      } catch (error) {
        if (error instanceof AppError && error.code === "NOT_FOUND") return null;
        throw error;
      }
    case "person": {
      const person = await ctx.loaders.person.load(parsed.tmdbId);
      return person ? toPerson(person, await ctx.images.baseUrl()) : null;
    }
    case "genre": {
      const [movie, tv] = await Promise.all([ctx.genres.genres("MOVIE", ctx.locale), ctx.genres.genres("TV", ctx.locale)]);
      const name = movie.get(parsed.tmdbId) ?? tv.get(parsed.tmdbId);
      return name === undefined ? null : toGenre(parsed.tmdbId, name);
    }
    case "provider": {
      const row = (await ctx.watchProviders.providers()).get(parsed.tmdbId);
      return row ? toWatchProvider(row, await ctx.images.baseUrl()) : null;
    }
    case "uuid":
      return findOwnObject(ctx, parsed.uuid);
  }
}

/** The caller's account, one of their API tokens, apps, imports or import rows with this id. */
async function findOwnObject(ctx: GraphQLContext, uuid: string): Promise<Found | null> {
  const userId = ctx.viewer?.userId;
  if (!userId) return null;
  const { prisma } = ctx;
  if (uuid === userId) {
    const user = await prisma.user.findUnique({ where: { id: userId } });
    return user ? { ...toUser(user), __typename: "User" } : null;
  }
  const [token, app, job, row] = await Promise.all([
    prisma.apiToken.findFirst({ where: { id: uuid, userId } }),
    prisma.oAuthApp.findFirst({ where: { id: uuid, userId } }),
    prisma.importJob.findFirst({ where: { id: uuid, userId } }),
    prisma.importRow.findFirst({ where: { id: uuid, job: { userId } } }),
  ]);
  if (token) return { ...token, __typename: "ApiToken" };
  if (app) return { ...app, __typename: "OAuthApp" };
  if (job) return { ...job, __typename: "ImportJob" };
  if (row) return { ...row, __typename: "ImportRow" };
  return null;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global id; null when the id names nothing the caller may see." })
  node(@Arg("id", () => ID, { description: "A global id, as `id` on any Node gives it." }) id: string, @Ctx() ctx: GraphQLContext): Promise<Found | null> {
    return findNode(ctx, id);
  }

  @Query(() => [Node], {
    nullable: "items",
    description: `Several objects by their global ids, in the same order; null for each id that names nothing the caller may see. At most ${MAX_NODES}.`,
  })
  nodes(@Arg("ids", () => [ID], { description: `Global ids, at most ${MAX_NODES}.` }) ids: string[], @Ctx() ctx: GraphQLContext): Array<Promise<Found | null>> {
    if (ids.length > MAX_NODES)
      throw badInput(`nodes takes at most ${MAX_NODES} ids; got ${ids.length}. Ask in several calls.`, { argument: "ids", max: MAX_NODES });
    // Each id on its own (not Promise.all): one that fails (TMDB down for a title not stored yet) is
    // that item's error and null, and the others still come.
    return ids.map((id) => findNode(ctx, id));
  }
}
