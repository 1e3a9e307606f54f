// Shared by the server's test files (server-*.test.ts): fetching a URL as status, headers, text and
// parsed JSON body, and TMDB's error bodies the tests expect.

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of many shapes, read field by field in the assertions
export type Body = any;

export interface Got {
  status: number;
  headers: Headers;
  body: Body;
  text: string;
}

export async function get(url: string, init?: RequestInit): Promise<Got> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: Body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

export const INVALID_PAGE = {
  success: false,
  status_code: 22,
  status_message: "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.",
};
export const NOT_FOUND = { success: false, status_code: 34, status_message: "The resource you requested could not be found." };
