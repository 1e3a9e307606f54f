"use client";
import { useQuery } from "@apollo/client/react";
import { useMemo } from "react";
import { genresByType, mergeGenres } from "./genres";
import { GENRES_QUERY } from "./graphql";

/** Film and series genres together (they share ids such as 18 Drama), sorted by name, and each kind's apart (`byType`). */
export function useGenres() {
  const query = useQuery(GENRES_QUERY);
  const genres = useMemo(() => mergeGenres(query.data?.movieGenres, query.data?.tvGenres), [query.data]);
  const byType = useMemo(() => (query.data ? genresByType(query.data.movieGenres, query.data.tvGenres) : undefined), [query.data]);
  return { ...query, genres, byType };
}
