// Whether Settings → Your services names a region and at least one service: then Home and Browse
// offer "Only on my services" (components/on-my-services.tsx). Read by the browser's views and by the
// server's stand-ins, which must agree on it.
import type { PreferencesFieldsFragment } from "./generated/graphql";

export const hasServices = (preferences: Pick<PreferencesFieldsFragment, "watchRegion" | "streamingServiceIds"> | null | undefined) =>
  Boolean(preferences?.watchRegion && preferences.streamingServiceIds.length);
