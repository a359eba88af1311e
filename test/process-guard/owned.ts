/**
 * For a test that starts a process meant to outlive it (say, one emulator
 * shared by several files): record it as owned, and the global teardown ends
 * it without failing the run. A process nobody owns that is still alive at
 * the end fails the run.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RUN_DIR } from "./processes";

/** Records that `owner` (a test file or name) owns `pid` until the end of the run. */
export function ownProcess(pid: number, owner: string): void {
  const dir = process.env[RUN_DIR];
  if (!dir) return; // not under the test run's global setup (a single file run by hand)
  mkdirSync(join(dir, "owned"), { recursive: true });
  writeFileSync(join(dir, "owned", String(pid)), owner);
}
