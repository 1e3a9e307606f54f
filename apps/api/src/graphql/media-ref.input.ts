import "reflect-metadata";
import { Field, InputType, Int } from "type-graphql";
import { MediaType } from "../modules/media/media.types.ts";

@InputType({ description: "Which title: its type and TMDB id." })
export class MediaRefInput {
  @Field(() => MediaType)
  type!: MediaType;

  @Field(() => Int)
  tmdbId!: number;
}

/** Keyset cursor over (createdAt desc, id desc), for lists people add to. */
export interface AddedCursor {
  createdAt: string;
  id: string;
}
export const isAddedCursor = (value: unknown): value is AddedCursor =>
  typeof (value as AddedCursor)?.createdAt === "string" &&
  !Number.isNaN(Date.parse((value as AddedCursor).createdAt)) &&
  typeof (value as AddedCursor)?.id === "string" &&
  /^[0-9a-f-]{36}$/.test((value as AddedCursor).id);

/** Prisma `where` for rows after the cursor in (createdAt desc, id desc) order. */
export function afterAdded(cursor: AddedCursor | null) {
  if (!cursor) return {};
  const createdAt = new Date(cursor.createdAt);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: cursor.id } }] };
}
