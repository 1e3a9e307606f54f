// WEB_MODE for `npm start` (start.ts): the web app under `next dev` (the default, for working on it)
// or from a production build under `next start` (what the e2e tier runs).
export type WebMode = "dev" | "production";

export function webMode(value: string | undefined): WebMode {
  if (value === undefined || value === "" || value === "dev") return "dev";
  if (value === "production") return "production";
  throw new Error(`WEB_MODE must be "dev" (next dev, the default) or "production" (next build, then next start), not ${JSON.stringify(value)}`);
}
