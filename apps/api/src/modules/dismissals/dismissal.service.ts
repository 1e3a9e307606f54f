// Dismissals ("Not interested"): interactions of kind DISMISSED, answered with the title.
import type { PrismaClient } from "../../db.ts";
import type { AddedCursor } from "../../graphql/media-ref.input.ts";
import { listInteractions, recordInteraction, removeInteractions } from "../interactions/interaction.service.ts";
import type { MediaRef } from "../media/media-key.ts";
import { getMedia, type MediaReadDeps, withMedia } from "../media/media.service.ts";

type Deps = MediaReadDeps & { prisma: PrismaClient };

/** "Not interested": the title is never recommended to this person again, until they undo it. */
export async function dismiss(deps: Deps, input: { userId: string; ref: MediaRef }) {
  const media = await getMedia(deps, input.ref);
  await recordInteraction(deps, { ...input, kinds: ["DISMISSED"] });
  return media;
}

export async function undoDismiss(deps: Deps, input: { userId: string; ref: MediaRef }) {
  await removeInteractions(deps, { ...input, kinds: ["DISMISSED"] });
  return getMedia(deps, input.ref);
}

/** The titles the person said "not interested" in, newest first, from `after` on: at most `size + 1`. */
export async function listDismissed(deps: Deps, input: { userId: string; after: AddedCursor | null; size: number }) {
  return withMedia(deps, await listInteractions(deps, { ...input, kind: "DISMISSED" }));
}
