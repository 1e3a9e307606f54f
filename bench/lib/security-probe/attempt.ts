// One attempt and its outcome: the attack categories and the outcomes an attempt can end in, the
// record of every attempt (the report's rows), and `attempt`, which makes a call, runs its checks and
// the IDOR guard (A's rows unchanged), and classifies what came back.
import { codesOf, type Response } from "./http.ts";
import { idorGuard } from "./snapshot.ts";

export type Category = "idor" | "auth" | "bombs" | "bodies" | "hostile";
export const CATEGORIES: Category[] = ["idor", "auth", "bombs", "bodies", "hostile"];
export type Outcome = "refused" | "accepted-scoped" | "stored-exact" | "LEAK" | "5xx" | "UNEXPECTED";

export interface AttemptRecord {
  category: Category;
  description: string;
  status: number;
  code: string;
  outcome: Outcome;
  /** Hostile text that should have been stored and read back. */
  stored?: boolean;
  note?: string;
}

/** Every attempt so far, in the order made (the report's rows). */
export const records: AttemptRecord[] = [];

export interface AttemptOptions {
  /** Acceptable refusal codes (GraphQL codes, or "HTTP 403" for non-GraphQL routes). Absent: must be accepted. */
  refuse?: string[];
  /** With `refuse`: a clean answer is fine too (harmless input the API may ignore); this says why. */
  orAccept?: string;
  /** For accepted attempts in "hostile": label the success as stored-exact. */
  stored?: boolean;
  /**
   * Extra checks after the answer: return problems; one starting with "LEAK" is a cross-user access,
   * one starting with "NOTE" is only recorded.
   */
  verify?: (response: Response) => Promise<string[]> | string[];
}

export async function attempt(category: Category, description: string, run: () => Promise<Response>, options: AttemptOptions = {}): Promise<Response> {
  const response = await run();
  const codes = codesOf(response);
  const code = codes[0] ?? (response.status >= 400 ? `HTTP ${response.status}` : "-");
  const checks = [...(options.verify ? await options.verify(response) : []), ...(await idorGuard())];
  const notes = checks.filter((check) => check.startsWith("NOTE"));
  const problems = checks.filter((check) => !check.startsWith("NOTE"));
  const clean = response.status === 200 && !codes.length;
  let outcome: Outcome;
  let note: string | undefined;
  const leak = problems.find((problem) => problem.startsWith("LEAK"));
  if (response.status === 0 || response.status >= 500 || codes.includes("INTERNAL_SERVER_ERROR")) {
    outcome = "5xx";
    note = response.failure ?? response.text.slice(0, 160);
  } else if (leak) {
    outcome = "LEAK";
    note = leak;
  } else if (options.refuse && !(clean && options.orAccept)) {
    const refusedWith = codes.length ? codes : [`HTTP ${response.status}`];
    const expected = refusedWith.some((given) => options.refuse!.includes(given)) && (response.status >= 400 || codes.length > 0);
    outcome = expected && !problems.length ? "refused" : "UNEXPECTED";
    if (outcome === "UNEXPECTED")
      note = problems.length
        ? problems.join("; ")
        : `wanted ${options.refuse.join("|")}, got ${refusedWith.join(",")} (HTTP ${response.status}): ${response.text.slice(0, 160)}`;
  } else {
    outcome = clean && !problems.length ? (options.stored ? "stored-exact" : "accepted-scoped") : "UNEXPECTED";
    if (outcome === "UNEXPECTED") note = problems.length ? problems.join("; ") : `HTTP ${response.status} ${codes.join(",")}: ${response.text.slice(0, 160)}`;
    else if (options.orAccept) note = options.orAccept;
  }
  if (notes.length) note = [note, ...notes].filter(Boolean).join("; ");
  records.push({ category, description, status: response.status, code, outcome, ...(options.stored ? { stored: true } : {}), ...(note ? { note } : {}) });
  return response;
}
