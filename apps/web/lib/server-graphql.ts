// GraphQL from the Next.js server (next-auth's authorize, the landing page) straight to the API.

export class ApiError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

export async function serverGraphql<T>(options: { query: string; variables?: Record<string, unknown> }): Promise<T> {
  const apiUrl = process.env.API_URL;
  if (!apiUrl) throw new Error("API_URL is not set: the web app needs the API's URL (npm start sets it).");
  const response = await fetch(`${apiUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(options),
    cache: "no-store",
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code);
  if (!body.data) throw new ApiError(`The API answered ${response.status} without data`, undefined);
  return body.data;
}
