import type { ManagedProcess } from "./supervisor.ts";

/** Polls `url` until it answers 2xx; fails early if `process` exits first. */
export async function waitForHttp(options: { url: string; timeoutMs?: number; process?: ManagedProcess }): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let exited = false;
  // A process that crashes while starting is restarted (supervisor.ts); only one that stops for good ends the wait.
  void options.process?.stopped.then(() => (exited = true));
  let lastError = "no answer";
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${options.process?.name} stopped before ${options.url} answered`);
    try {
      const response = await fetch(options.url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${options.url} did not answer in time (${lastError})`);
}
