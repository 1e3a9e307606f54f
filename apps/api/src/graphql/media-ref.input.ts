import "reflect-metadata";
import { Field, InputType, Int } from "type-graphql";
import { z } from "zod";
import { MediaType } from "../modules/media/media.types.ts";

@InputType({ description: "Which title: its type and TMDB id." })
export class MediaRefInput {
  @Field(() => MediaType)
  type!: MediaType;

  @Field(() => Int)
  tmdbId!: number;
}

/**
 * Keyset cursor over (createdAt desc, id desc), for lists people add to: an ISO timestamp and a
 * row id in the form Postgres' uuid type reads (any other text would fail the statement).
 */
export const AddedCursor = z.strictObject({ createdAt: z.iso.datetime({ offset: true }), id: z.guid() });
export type AddedCursor = z.infer<typeof AddedCursor>;

/** Prisma `where` for rows after the cursor in (createdAt desc, id desc) order. */
export function afterAdded(cursor: AddedCursor | null) {
  if (!cursor) return {};
  const createdAt = new Date(cursor.createdAt);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: cursor.id } }] };
}
