import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { type MediaType, TitleMetadataDocument } from "../../../../../lib/generated/graphql";
import { ApiError, serverGraphql } from "../../../../../lib/server-graphql";
import { TitleView } from "./title-view";

type Params = Promise<{ type: string; tmdbId: string }>;

/** The title's name, asked once per request (the metadata and the page share it). */
const titleMetadata = cache(async (type: MediaType, tmdbId: number) => {
  const forwardedFor = (await headers()).get("x-forwarded-for") ?? undefined;
  return serverGraphql({ document: TitleMetadataDocument, variables: { type, tmdbId }, forwardedFor });
});

function parseParams({ type, tmdbId }: { type: string; tmdbId: string }) {
  const id = Number(tmdbId);
  if ((type !== "movie" && type !== "tv") || !Number.isInteger(id) || id <= 0) return null;
  return { type: type === "movie" ? ("MOVIE" as const) : ("TV" as const), tmdbId: id };
}

/**
 * The tab's title is the film's or series' own ("Heat · movierec"). Set here rather than only by the
 * client once the title loads: Next applies a page's metadata when a navigation settles, which
 * would otherwise overwrite a title set earlier from Apollo's cache.
 */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const ref = parseParams(await params);
  if (!ref) return {};
  try {
    const data = await titleMetadata(ref.type, ref.tmdbId);
    return { title: data.media.title };
  } catch {
    return {}; // unknown title or API away: the page says so itself; the tab keeps "movierec"
  }
}

/**
 * A title TMDB does not have is the "Title not found" page (not-found.tsx) instead of an error; with
 * the API away the page still renders, and the client view says so and retries. (Its HTTP status is
 * 200: Next.js 16 has streamed the page's shell by the time the page calls notFound().)
 */
export default async function TitlePage({ params }: { params: Params }) {
  const ref = parseParams(await params);
  if (!ref) notFound();
  try {
    await titleMetadata(ref.type, ref.tmdbId);
  } catch (error) {
    if (error instanceof ApiError && error.code === "NOT_FOUND") notFound();
  }
  return <TitleView type={ref.type} tmdbId={ref.tmdbId} />;
}
