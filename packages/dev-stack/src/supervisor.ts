import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { constants } from "node:os";
import { exitHook } from "./exit-hook.ts";

const colours = [36, 35, 33, 32, 34, 91, 96];

/** sysexits' EX_CONFIG: the API and worker exit with it when their configuration is invalid (apps/api/src/boot.ts). */
export const EXIT_CONFIG = 78;
/** A process that crashes this often within RESTART_WINDOW_MS is not restarted again. */
const MAX_RESTARTS_IN_WINDOW = 5;
const RESTART_WINDOW_MS = 60_000;
const MAX_BACKOFF_MS = 30_000;

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  name: string;
  /** The child running now (a new one after each restart). */
  child: ChildProcess;
  /** Settles when the process stops for good: the supervisor stopping, a configuration error, or too many crashes. */
  stopped: Promise<ExitStatus>;
}

/** "exited with code 1", "was killed by SIGKILL (exit status 137)". */
export function describeExit({ code, signal }: ExitStatus): string {
  if (signal) return `was killed by ${signal} (exit status ${128 + (constants.signals[signal] ?? 0)})`;
  return `exited with code ${code}`;
}

/** The wait before restart number `restart` (1-based): 1 s, 2 s, 4 s … at most 30 s. */
export function restartDelayMs(restart: number): number {
  return Math.min(1_000 * 2 ** (restart - 1), MAX_BACKOFF_MS);
}

/**
 * Runs the product's processes: prefixes their output with their name, restarts one that crashes
 * (with backoff, saying so), and stops every one of them (SIGTERM, then SIGKILL after a grace
 * period) on Ctrl-C or SIGTERM, or when one cannot run at all: a configuration error (exit 78,
 * its own message stays the last thing printed before ours) or a crash loop.
 */
export class Supervisor {
  private readonly processes: Array<ManagedProcess & { exitedNow: () => Promise<ExitStatus> }> = [];
  private readonly cleanups: Array<() => Promise<void>> = [];
  private stopping: Promise<void> | undefined;
  /** Why the supervisor stopped everything on its own, if it did (start.ts prints it last). */
  fatal: string | undefined;
  readonly finished: Promise<number>;
  private resolveFinished!: (code: number) => void;

  constructor(private readonly options: { graceMs?: number; log: (message: string) => void }) {
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve));
    exitHook((done) => {
      void this.stop("signal").then(() => done());
    });
  }

  /** Registered cleanups run after every process has stopped, last registered first. */
  onStop(cleanup: () => Promise<void>): void {
    this.cleanups.push(cleanup);
  }

  run(name: string, command: string, args: string[], options: SpawnOptions & { env?: NodeJS.ProcessEnv }): ManagedProcess {
    const colour = colours[this.processes.length % colours.length];
    const prefix = process.stdout.isTTY ? `\x1b[${colour}m${name.padEnd(9)}\x1b[0m│ ` : `${name.padEnd(9)}│ `;
    let resolveStopped!: (status: ExitStatus) => void;
    const stopped = new Promise<ExitStatus>((resolve) => (resolveStopped = resolve));
    const crashes: number[] = [];

    const start = () => {
      const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
      pipeLines(child.stdout, process.stdout, prefix);
      pipeLines(child.stderr, process.stderr, prefix);
      const exited = new Promise<ExitStatus>((resolve) => {
        child.once("error", (error) => {
          this.options.log(`${name} could not start: ${error.message}`);
          resolve({ code: 1, signal: null });
        });
        // "close": the output streams are drained too, so the process's last words come before ours.
        child.once("close", (code, signal) => resolve({ code, signal }));
      });
      managed.child = child;
      managed.exitedNow = () => exited;
      void exited.then((status) => {
        if (this.stopping) return resolveStopped(status);
        const what = `${name} ${describeExit(status)}`;
        if (status.code === EXIT_CONFIG)
          return this.giveUp(`${what}: its configuration is invalid (see its message above); stopping everything`, status, resolveStopped);
        const now = Date.now();
        crashes.push(now);
        while (crashes.length && now - crashes[0]! > RESTART_WINDOW_MS) crashes.shift();
        if (crashes.length > MAX_RESTARTS_IN_WINDOW)
          return this.giveUp(`${what}, its ${crashes.length}th crash in a minute; not restarting it, stopping everything`, status, resolveStopped);
        const delay = restartDelayMs(crashes.length);
        this.options.log(`${what}; restarting it in ${delay / 1000} s (restart ${crashes.length} in the last minute)`);
        setTimeout(() => {
          if (this.stopping) return resolveStopped(status);
          start();
          this.options.log(`${name} restarted`);
        }, delay).unref();
      });
    };

    const managed = { name, child: undefined as unknown as ChildProcess, stopped, exitedNow: async () => ({ code: null, signal: null }) as ExitStatus };
    this.processes.push(managed);
    start();
    return managed;
  }

  private giveUp(reason: string, status: ExitStatus, resolveStopped: (status: ExitStatus) => void) {
    this.fatal = reason;
    resolveStopped(status);
    void this.stop("crash", status.code || 1);
  }

  stop(reason: "signal" | "crash" | "done", exitCode = 0): Promise<void> {
    this.stopping ??= (async () => {
      if (reason === "signal") this.options.log("stopping…");
      const graceMs = this.options.graceMs ?? 8_000;
      await Promise.all(
        this.processes.map(async ({ child, exitedNow }) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
          await exitedNow();
          clearTimeout(timer);
        }),
      );
      for (const cleanup of this.cleanups.reverse()) {
        await cleanup().catch((error: Error) => this.options.log(`cleanup failed: ${error.message}`));
      }
      // The reason comes last, after every process's own output.
      if (this.fatal) this.options.log(this.fatal);
      this.resolveFinished(exitCode);
    })();
    return this.stopping;
  }
}

function pipeLines(stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream, prefix: string) {
  let buffered = "";
  stream?.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) out.write(`${prefix}${line}\n`);
  });
  stream?.on("end", () => buffered && out.write(`${prefix}${buffered}\n`));
}
