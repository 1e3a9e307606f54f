// WEB_MODE for `npm start` (start.ts): the web app from a production build under `next start` (the
// default: what a person trying the product and the e2e tier get) or under `next dev` (for working
// on it: pages compile on first visit and reload on edits).
export type WebMode = "dev" | "production";

export function webMode(value: string | undefined): WebMode {
  if (value === undefined || value === "" || value === "production") return "production";
  if (value === "dev") return "dev";
  throw new Error(`WEB_MODE must be "production" (next build, then next start; the default) or "dev" (next dev), not ${JSON.stringify(value)}`);
}
