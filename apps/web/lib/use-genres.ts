"use client";
import { useQuery } from "@apollo/client/react";
import { useMemo } from "react";
import { mergeGenres } from "./genres";
import { GENRES_QUERY } from "./graphql";

/** Film and series genres together (they share ids such as 18 Drama), sorted by name. */
export function useGenres() {
  const query = useQuery(GENRES_QUERY);
  const genres = useMemo(() => mergeGenres(query.data?.movieGenres, query.data?.tvGenres), [query.data]);
  return { ...query, genres };
}
