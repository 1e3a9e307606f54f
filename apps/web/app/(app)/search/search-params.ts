// Search's query and type from the address (`?q=…&type=…`): read by the view (search-view.tsx) and by
// the page on the server for its stand-in (page.tsx). Not in a "use client" module, so both can call it.
import type { MediaType } from "../../../lib/graphql";

/** The address's query and type, as the view reads them (`?q=…&type=…`). */
export function searchFromParams(get: (name: string) => string | null): { query: string; type: MediaType | null } {
  const query = (get("q") ?? "").trim().slice(0, 100);
  const kind = get("type");
  return { query, type: kind === "MOVIE" || kind === "TV" ? kind : null };
}
