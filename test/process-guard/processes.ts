/**
 * The processes of one test run, found on Linux through /proc: every process
 * whose environment carries the run's marker (set by the global setup before
 * any worker starts, and inherited by every emulator, `pulumi`, language host
 * and dynamic provider the tests start, even after their parent died), and
 * every descendant of the run's main process. Vitest's own workers are not
 * strays.
 */
import { readdirSync, readFileSync } from "node:fs";

/** The environment variable that marks every process of one test run. */
export const RUN_MARKER = "EOSVOLT_TEST_RUN";
/** Where tests record the processes they own (see {@link ./owned.ts}). */
export const RUN_DIR = "EOSVOLT_TEST_RUN_DIR";

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Process group id. */
  pgid: number;
  /** One-letter state from /proc/<pid>/stat (`Z` for a zombie). */
  state: string;
  /** Start time in clock ticks since boot: with the pid, names one process even when the pid is reused. */
  started: number;
  /** The command line, arguments joined by spaces. */
  command: string;
  /** The run marker in its environment, when readable. */
  marker?: string;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "latin1");
  } catch {
    return undefined; // gone meanwhile, or not ours to read
  }
}

/** One process, or undefined when it is gone. */
export function processInfo(pid: number): ProcessInfo | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const command = (read(`/proc/${pid}/cmdline`) ?? "").split("\0").filter(Boolean).join(" ");
  const env = read(`/proc/${pid}/environ`);
  const entry = env?.split("\0").find((e) => e.startsWith(`${RUN_MARKER}=`));
  return { pid, ppid: Number(fields[1]), pgid: Number(fields[2]), state: fields[0], started: Number(fields[19]), command, marker: entry?.slice(RUN_MARKER.length + 1) };
}

/** True while the process `p` names (same pid, same start) runs; false once it is gone or a zombie. */
export function stillRunning(p: Pick<ProcessInfo, "pid" | "started">): boolean {
  const now = processInfo(p.pid);
  return now !== undefined && now.started === p.started && now.state !== "Z";
}

/** Every process this user can see. */
export function listProcesses(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const info = processInfo(Number(name));
    if (info) out.push(info);
  }
  return out;
}

/** Vitest's own processes (the pool's workers), which end with the run and are not strays. */
export function isTestRunner(p: ProcessInfo): boolean {
  return /node_modules\/(vitest|tinypool|tinyexec)\/|\/vitest\/dist\//.test(p.command);
}

/**
 * The live processes of a run: carrying `marker`, or descending from `rootPid`;
 * not `rootPid` itself, not the caller, not Vitest's workers, not zombies
 * (they are dead already, waiting for their parent to read their status).
 */
export function runProcesses(marker: string, rootPid: number, all: ProcessInfo[] = listProcesses()): ProcessInfo[] {
  const byPid = new Map(all.map((p) => [p.pid, p]));
  const descends = (p: ProcessInfo) => {
    for (let q: ProcessInfo | undefined = p, hops = 0; q && hops < 64; q = byPid.get(q.ppid), hops++) if (q.ppid === rootPid) return true;
    return false;
  };
  return all.filter(
    (p) => p.pid !== rootPid && p.pid !== process.pid && p.state !== "Z" && !isTestRunner(p) && (p.marker === marker || descends(p)),
  );
}

/** The pids of every descendant of `pid` (children, their children, …), from one snapshot. */
export function descendantsOf(pid: number, all: ProcessInfo[] = listProcesses()): number[] {
  const children = new Map<number, number[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const out: number[] = [];
  const queue = [...(children.get(pid) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as number;
    out.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return out;
}

/**
 * SIGKILLs a process, its process group and every descendant, by pid. The
 * descendants are read before the kill: a plugin that runs in a process
 * group of its own (as Pulumi starts providers and language hosts) is not
 * reached by killing the group, and once its parent is dead nothing links it
 * to the tree any more.
 */
export function killTree(pid: number): void {
  const tree = descendantsOf(pid);
  for (const target of [-pid, pid, ...tree]) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
