// The API's public address, as third parties reach it: API_PUBLIC_URL, else where it listens. The
// OAuth issuer is it + /oauth (modules/oauth/oauth-server.ts), and /docs writes its examples with it
// (docs/docs.route.ts), so what the docs tell an app is what the metadata says.
import type { FastifyInstance } from "fastify";
import type { AppServices } from "../app-services.ts";

export function apiPublicUrl(services: Pick<AppServices, "config">, app: FastifyInstance): string {
  if (services.config.API_PUBLIC_URL) return services.config.API_PUBLIC_URL.replace(/\/+$/, "");
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : services.config.API_PORT;
  return `http://${services.config.API_HOST === "0.0.0.0" ? "localhost" : services.config.API_HOST}:${port}`;
}
