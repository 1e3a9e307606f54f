// The probe's HTTP client: raw requests and GraphQL calls to the API under test (real HTTP, a fresh
// connection each), the one-line `must` for setup calls, and the error codes an answer carries.
import http from "node:http";

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json?: any;
  failure?: string;
}

let baseUrl = "";

/** Where the API under test listens; every request goes there (set once the API has started). */
export function setBaseUrl(url: string): void {
  baseUrl = url;
}

export function request(
  path: string,
  options: { method?: string; headers?: Record<string, string | string[]>; body?: string | Buffer } = {},
): Promise<Response> {
  return new Promise((resolve) => {
    const req = http.request(new URL(path, baseUrl), { method: options.method ?? "GET", headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error) => resolve({ status: 0, headers: {}, text: "", failure: (error as NodeJS.ErrnoException).code ?? error.message }));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.setTimeout(30_000, () => req.destroy(new Error("TIMEOUT")));
    req.on("error", (error) => resolve({ status: 0, headers: {}, text: "", failure: (error as NodeJS.ErrnoException).code ?? error.message }));
    req.end(options.body);
  });
}

export interface Auth {
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export function gql(query: string, variables: Record<string, unknown> = {}, auth: Auth = {}): Promise<Response> {
  const body = JSON.stringify({ query, variables });
  return request("/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(auth.token !== undefined ? { authorization: `Bearer ${auth.token}` } : {}),
      ...(auth.cookie ? { cookie: auth.cookie } : {}),
      ...auth.headers,
    },
    body,
  });
}

/** A GraphQL call that must succeed (setup and read-backs). */
export async function must<T = any>(query: string, variables: Record<string, unknown>, auth: Auth): Promise<T> {
  const response = await gql(query, variables, auth);
  if (response.status !== 200 || !response.json?.data || response.json.errors)
    throw new Error(`setup call failed (${response.status}): ${query.slice(0, 80)} → ${response.text.slice(0, 300)}`);
  return response.json.data as T;
}

/** "HTTP 413", GraphQL error codes, or the transport failure; "-" for a clean answer. */
export function codesOf(response: Response): string[] {
  if (response.failure) return [response.failure];
  const codes: string[] = (response.json?.errors ?? []).map((error: { extensions?: { code?: string } }) => error.extensions?.code ?? "NO_CODE");
  return codes;
}
