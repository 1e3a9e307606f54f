import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { exitHook } from "./exit-hook.ts";

const colours = [36, 35, 33, 32, 34, 91, 96];

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/**
 * Runs the product's processes: prefixes their output with their name, and stops every one of
 * them (SIGTERM, then SIGKILL after a grace period) when any of them dies, on Ctrl-C, or on
 * SIGTERM, so nothing is left running.
 */
export class Supervisor {
  private readonly processes: ManagedProcess[] = [];
  private readonly cleanups: Array<() => Promise<void>> = [];
  private stopping: Promise<void> | undefined;
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
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    const pipeLines = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
      let buffered = "";
      stream?.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines) out.write(`${prefix}${line}\n`);
      });
      stream?.on("end", () => buffered && out.write(`${prefix}${buffered}\n`));
    };
    pipeLines(child.stdout, process.stdout);
    pipeLines(child.stderr, process.stderr);
    const exited = new Promise<number | null>((resolve) => {
      child.once("error", (error) => {
        this.options.log(`${name} could not start: ${error.message}`);
        resolve(1);
      });
      child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : null)));
    });
    const managed = { name, child, exited };
    this.processes.push(managed);
    void exited.then((code) => {
      if (!this.stopping) {
        this.options.log(`${name} exited with code ${code}; stopping everything`);
        void this.stop("crash", code || 1);
      }
    });
    return managed;
  }

  stop(reason: "signal" | "crash" | "done", exitCode = 0): Promise<void> {
    this.stopping ??= (async () => {
      if (reason === "signal") this.options.log("stopping…");
      const graceMs = this.options.graceMs ?? 8_000;
      await Promise.all(
        this.processes.map(async ({ child, exited }) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
          await exited;
          clearTimeout(timer);
        }),
      );
      for (const cleanup of this.cleanups.reverse()) {
        await cleanup().catch((error: Error) => this.options.log(`cleanup failed: ${error.message}`));
      }
      this.resolveFinished(exitCode);
    })();
    return this.stopping;
  }
}
