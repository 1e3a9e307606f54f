// Where a bench's CPU went, by process group, read from /proc (Linux): the API, the worker, the
// bench itself (load generator and offline catalogue), Postgres (all its backends) and Redis. Take
// a snapshot before and after a run; `cpuShares` gives each group's use in cores (1.0 = one core
// busy the whole time) and the machine's total, which says whether the CPU was what ran out.
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

export interface CpuSnapshot {
  at: number;
  /** CPU seconds per group. */
  seconds: Record<string, number>;
}

const TICKS_PER_SECOND = 100;

function processCpu(pid: string): { comm: string; parent: number; seconds: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    return { comm, parent: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return null; // the process ended meanwhile
  }
}

/**
 * `named` maps pids to group names (e.g. the API's and the worker's); their child processes (the
 * API's cluster workers, the worker's training process) count with them. Other node processes are
 * "other node".
 */
export function cpuSnapshot(named: Record<number, string>): CpuSnapshot {
  const seconds: Record<string, number> = {};
  const processes = new Map<number, NonNullable<ReturnType<typeof processCpu>>>();
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    const cpu = processCpu(pid);
    if (cpu) processes.set(Number(pid), cpu);
  }
  const namedAncestor = (pid: number): string | undefined => {
    for (let at: number | undefined = pid, depth = 0; at && depth < 10; at = processes.get(at)?.parent, depth++) if (named[at]) return named[at];
    return undefined;
  };
  for (const [pid, cpu] of processes) {
    const group =
      namedAncestor(pid) ??
      (pid === process.pid
        ? "bench (load generator, catalogue)"
        : cpu.comm === "postgres"
          ? "Postgres"
          : cpu.comm === "redis-server"
            ? "Redis"
            : cpu.comm === "node" || cpu.comm.startsWith("node")
              ? "other node"
              : null);
    if (group) seconds[group] = (seconds[group] ?? 0) + cpu.seconds;
  }
  return { at: performance.now(), seconds };
}

/** Cores used per group between two snapshots, and the machine's total against its core count. */
export function cpuShares(before: CpuSnapshot, after: CpuSnapshot): { cores: Record<string, number>; total: number; available: number } {
  const wall = (after.at - before.at) / 1000;
  const cores: Record<string, number> = {};
  for (const [group, seconds] of Object.entries(after.seconds)) cores[group] = Math.max(0, (seconds - (before.seconds[group] ?? 0)) / wall);
  const total = Object.values(cores).reduce((sum, value) => sum + value, 0);
  return { cores, total, available: availableParallelism() };
}
