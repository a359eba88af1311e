import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { processInfo, runProcesses, type ProcessInfo } from "./processes";

export interface SweepResult {
  /** Processes still alive at the end, ended now, with their owner when a test owned them. */
  ended: Array<ProcessInfo & { owner?: string }>;
  /** Of those, the ones no test owned: leaks. */
  unowned: ProcessInfo[];
}

function owners(runDir: string | undefined): Map<number, string> {
  const dir = runDir ? join(runDir, "owned") : undefined;
  if (!dir || !existsSync(dir)) return new Map();
  return new Map(readdirSync(dir).map((name) => [Number(name), readFileSync(join(dir, name), "utf8")]));
}

const alive = (pid: number) => {
  const p = processInfo(pid);
  return p !== undefined && p.state !== "Z";
};

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // ended meanwhile
  }
}

/**
 * Ends every process of the run that is still alive: `SIGTERM`, then
 * `SIGKILL` after `graceMs` for what did not stop. Only the processes found
 * by pid (never by name), so nothing outside the run is touched.
 */
export async function sweep(options: { marker: string; rootPid: number; runDir?: string; graceMs?: number }): Promise<SweepResult> {
  const found = runProcesses(options.marker, options.rootPid);
  const owned = owners(options.runDir);
  for (const p of found) signal(p.pid, "SIGTERM");
  const deadline = Date.now() + (options.graceMs ?? 3000);
  while (found.some((p) => alive(p.pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const p of found) if (alive(p.pid)) signal(p.pid, "SIGKILL");
  const ended = found.map((p) => ({ ...p, owner: owned.get(p.pid) }));
  return { ended, unowned: ended.filter((p) => p.owner === undefined) };
}

/** The failure message for leaked processes. */
export function leakMessage(unowned: ProcessInfo[]): string {
  const lines = unowned.map((p) => `  pid ${p.pid} (parent ${p.ppid}, group ${p.pgid}): ${p.command.slice(0, 200) || "(no command line)"}`);
  return [
    `The test run left ${unowned.length} process${unowned.length === 1 ? "" : "es"} running that no test owned; they were killed now:`,
    ...lines,
    "A test that starts a process must end it (afterAll), or record it with ownProcess() when it is meant to live until the end of the run.",
  ].join("\n");
}
