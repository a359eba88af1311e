import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { runProcesses, stillRunning, type ProcessInfo } from "./processes";

export interface SweepResult {
  /** Processes still running after the settle period, ended now, with their owner when a test owned them. */
  ended: Array<ProcessInfo & { owner?: string }>;
  /** Of those, the ones no test owned: leaks. */
  unowned: ProcessInfo[];
  /** Processes found at the end that ended by themselves within the settle period: not leaks. */
  settled: ProcessInfo[];
}

function owners(runDir: string | undefined): Map<number, string> {
  const dir = runDir ? join(runDir, "owned") : undefined;
  if (!dir || !existsSync(dir)) return new Map();
  return new Map(readdirSync(dir).map((name) => [Number(name), readFileSync(join(dir, name), "utf8")]));
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // ended meanwhile
  }
}

async function waitWhile(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

/**
 * Ends every process of the run still running at its end. It first waits up
 * to `settleMs` for processes to end by themselves: one a test stopped just
 * before the end may still be exiting (its command line already gone), and
 * that is no leak. Then `SIGTERM`, and `SIGKILL` after `graceMs` for what did
 * not stop. Only the processes found by pid (never by name), so nothing
 * outside the run is touched.
 */
export async function sweep(options: { marker: string; rootPid: number; runDir?: string; graceMs?: number; settleMs?: number }): Promise<SweepResult> {
  const listed = runProcesses(options.marker, options.rootPid);
  await waitWhile(() => listed.some(stillRunning), options.settleMs ?? 2000);
  const found = listed.filter(stillRunning);
  const owned = owners(options.runDir);
  for (const p of found) signal(p.pid, "SIGTERM");
  await waitWhile(() => found.some(stillRunning), options.graceMs ?? 3000);
  for (const p of found) if (stillRunning(p)) signal(p.pid, "SIGKILL");
  const ended = found.map((p) => ({ ...p, owner: owned.get(p.pid) }));
  return { ended, unowned: ended.filter((p) => p.owner === undefined), settled: listed.filter((p) => !found.includes(p)) };
}

/** The failure message for leaked processes. */
export function leakMessage(unowned: ProcessInfo[]): string {
  const lines = unowned.map((p) => `  pid ${p.pid} (parent ${p.ppid}, group ${p.pgid}, state ${p.state}): ${p.command.slice(0, 200) || "(no command line)"}`);
  return [
    `The test run left ${unowned.length} process${unowned.length === 1 ? "" : "es"} running that no test owned; they were killed now:`,
    ...lines,
    "A test that starts a process must end it (afterAll), or record it with ownProcess() when it is meant to live until the end of the run.",
  ].join("\n");
}
