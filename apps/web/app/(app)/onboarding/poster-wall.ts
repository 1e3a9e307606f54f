// The titles onboarding offers first: popular films, acclaimed films and popular series, taken in
// turn so the wall is varied from its first row (not twelve blockbusters, then twelve classics),
// each title once.
import type { MediaCard } from "../../../lib/graphql";

export function interleave(lists: MediaCard[][], limit: number): MediaCard[] {
  const seen = new Set<string>();
  const out: MediaCard[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let index = 0; index < longest && out.length < limit; index++) {
    for (const list of lists) {
      const media = list[index];
      if (!media || seen.has(media.id)) continue;
      seen.add(media.id);
      out.push(media);
      if (out.length === limit) break;
    }
  }
  return out;
}
