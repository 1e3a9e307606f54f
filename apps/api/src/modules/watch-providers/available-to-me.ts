// "Available to me": the streaming_on keys a person's services make (their region × their
// services), for recommendations and browse. A person who has not said where and with what they
// watch gets a clear error, not an empty list.
import { badInput } from "../../errors.ts";
import { streamingKeysFor } from "./title-offers.ts";

export const NO_SERVICES_MESSAGE =
  "availableToMe needs your region and streaming services: set them in Settings → Your services (updatePreferences with watchRegion and streamingServiceIds).";

/** The keys to filter on; throws BAD_USER_INPUT when the preferences name no region or no service. */
export function availableToMeKeys(preferences: { watchRegion: string | null; streamingServiceIds: number[] } | null, argument: string): string[] {
  if (!preferences?.watchRegion || !preferences.streamingServiceIds.length) throw badInput(NO_SERVICES_MESSAGE, { argument });
  return streamingKeysFor(preferences.watchRegion, preferences.streamingServiceIds);
}
