// The security probe's report: every attempt as a table on stdout, the summary rows (attempts per
// category and outcome, the targets: no LEAK, no 5xx, nothing unexpected, hostile text stored
// exactly, no secret in the API's logs), and bench/results/security-probe.json.
import { log, type SummaryRow, writeResult } from "../report.ts";
import { type AttemptRecord, CATEGORIES, type Outcome, records } from "./attempt.ts";

/** Secrets the probe used: none may appear in the API's logs (counted in the report). */
export const SECRETS: string[] = [];

export function report(apiOutput: string) {
  const pad = (value: string, width: number) => (value.length > width ? `${value.slice(0, width - 1)}…` : value.padEnd(width));
  const lines = [
    `${pad("#", 4)} ${pad("category", 8)} ${pad("attempt", 78)} ${pad("HTTP", 4)} ${pad("code", 26)} outcome`,
    ...records.map(
      (row, index) =>
        `${pad(String(index + 1), 4)} ${pad(row.category, 8)} ${pad(row.description.replace(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/g, "·"), 78)} ${pad(String(row.status), 4)} ${pad(row.code, 26)} ${row.outcome}${row.note ? `  (${row.note.replace(/[\u0000-\u001f\u202a-\u202e]/g, "·").slice(0, 200)})` : ""}`,
    ),
  ];
  process.stdout.write(`\n${lines.join("\n")}\n\n`);

  const count = (predicate: (row: AttemptRecord) => boolean) => records.filter(predicate).length;
  const leaks = count((row) => row.outcome === "LEAK");
  const serverErrors = count((row) => row.outcome === "5xx");
  const unexpected = count((row) => row.outcome === "UNEXPECTED");
  const hostileStored = records.filter((row) => row.stored);
  const exact = hostileStored.filter((row) => row.outcome === "stored-exact").length;
  const loggedErrors = apiOutput.split("\n").filter((line) => /"level":(50|60)|\bERROR\b/.test(line)).length;
  const internalErrors = count((row) => row.code === "INTERNAL_SERVER_ERROR");
  const secretsLogged = apiOutput.split("\n").filter((line) => SECRETS.some((secret) => line.includes(secret))).length;
  const summary: SummaryRow[] = [
    ...CATEGORIES.map((category) => {
      const rows = records.filter((row) => row.category === category);
      const by = (outcome: Outcome) => rows.filter((row) => row.outcome === outcome).length;
      return {
        measure: `attempts: ${category}`,
        value: `${rows.length} (refused ${by("refused")}, accepted-scoped ${by("accepted-scoped")}, stored-exact ${by("stored-exact")}, leak ${by("LEAK")}, 5xx ${by("5xx")}, unexpected ${by("UNEXPECTED")})`,
      };
    }),
    { measure: "cross-user access (LEAK outcomes)", value: String(leaks), target: "0", met: leaks === 0 },
    { measure: "5xx (HTTP ≥ 500, INTERNAL_SERVER_ERROR, no answer)", value: String(serverErrors), target: "0", met: serverErrors === 0 },
    { measure: "unexpected outcomes (wrong code, accepted where refused was due)", value: String(unexpected), target: "0", met: unexpected === 0 },
    {
      measure: "hostile strings stored and read back unchanged",
      value: `${exact} / ${hostileStored.length}`,
      target: "all",
      met: exact === hostileStored.length,
    },
    { measure: "INTERNAL_SERVER_ERROR answers", value: String(internalErrors), target: "0", met: internalErrors === 0 },
    { measure: "log lines holding a secret the probe sent (passwords, tokens, a canary)", value: String(secretsLogged), target: "0", met: secretsLogged === 0 },
    { measure: "errors the API logged (level error/fatal)", value: String(loggedErrors) },
  ];
  for (const row of summary) log(`${row.measure}: ${row.value}${row.target ? ` (target ${row.target} ${row.met ? "✓" : "✗"})` : ""}`);
  writeResult("security-probe", {
    title: "Security probe: IDOR, auth, query bombs, bodies and hostile strings against the production build",
    summary,
    attempts: records,
    apiErrorLog: apiOutput
      .split("\n")
      .filter((line) => /"level":(50|60)/.test(line))
      .slice(0, 50),
  });
}
