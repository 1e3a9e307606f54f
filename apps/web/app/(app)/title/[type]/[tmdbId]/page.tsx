import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { TitleMetadataDocument } from "../../../../../lib/generated/graphql";
import { serverGraphql } from "../../../../../lib/server-graphql";
import { TitleView } from "./title-view";

type Params = Promise<{ type: string; tmdbId: string }>;

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
    const forwardedFor = (await headers()).get("x-forwarded-for") ?? undefined;
    const data = await serverGraphql({
      document: TitleMetadataDocument,
      variables: ref,
      forwardedFor,
    });
    return { title: data.media.title };
  } catch {
    return {}; // unknown title or API away: the page says so itself; the tab keeps "movierec"
  }
}

export default async function TitlePage({ params }: { params: Params }) {
  const ref = parseParams(await params);
  if (!ref) notFound();
  return <TitleView type={ref.type} tmdbId={ref.tmdbId} />;
}
