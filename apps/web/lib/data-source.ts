// Which data the API serves, as far as the browser can tell: the image origins its pages may load
// (IMAGE_ORIGINS: the offline catalogue's image route under `npm start`, TMDB's image host online).
import { createHash } from "node:crypto";
import { serverEnv } from "./env";

/** A short name for the data source, part of the persisted Apollo cache's key (lib/apollo-cache.ts). */
export function dataSourceScope(imageOrigins: readonly string[] = serverEnv().IMAGE_ORIGINS): string {
  return createHash("sha256").update(imageOrigins.join(" ")).digest("hex").slice(0, 8);
}
