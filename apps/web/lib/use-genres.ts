"use client";
import { useQuery } from "@apollo/client/react";
import { useMemo } from "react";
import { type Genre, GENRES_QUERY } from "./graphql";

/** Film and series genres together (they share ids such as 18 Drama), sorted by name. */
export function useGenres() {
  const query = useQuery(GENRES_QUERY);
  const genres = useMemo(() => {
    const byId = new Map<number, Genre>();
    for (const genre of [...(query.data?.movieGenres ?? []), ...(query.data?.tvGenres ?? [])]) byId.set(genre.tmdbId, genre);
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [query.data]);
  return { ...query, genres };
}
