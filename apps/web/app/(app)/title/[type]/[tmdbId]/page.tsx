import { notFound } from "next/navigation";
import { TitleView } from "./title-view";

export default async function TitlePage({ params }: { params: Promise<{ type: string; tmdbId: string }> }) {
  const { type, tmdbId } = await params;
  const id = Number(tmdbId);
  if ((type !== "movie" && type !== "tv") || !Number.isInteger(id) || id <= 0) notFound();
  return <TitleView type={type === "movie" ? "MOVIE" : "TV"} tmdbId={id} />;
}
