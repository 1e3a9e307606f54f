// Dismissals ("Not interested"): interactions of kind DISMISSED, answered with the title.
import type { PrismaClient } from "../../db.ts";
import { recordInteraction, removeInteractions } from "../interactions/interaction.service.ts";
import type { MediaRef } from "../media/media-key.ts";
import { getMedia, type MediaReadDeps } from "../media/media.service.ts";

type Deps = MediaReadDeps & { prisma: PrismaClient };

/** "Not interested": the title is never recommended to this person again, until they undo it. */
export async function dismiss(deps: Deps, input: { userId: string; ref: MediaRef }) {
  const media = await getMedia(deps, input.ref);
  await recordInteraction(deps, { ...input, kind: "DISMISSED" });
  return media;
}

export async function undoDismiss(deps: Deps, input: { userId: string; ref: MediaRef }) {
  await removeInteractions(deps, { ...input, kinds: ["DISMISSED"] });
  return getMedia(deps, input.ref);
}
