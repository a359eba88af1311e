/**
 * Vitest global setup: marks every process the run starts (an environment
 * variable every child inherits), and at the end ends every one still alive.
 * The run fails when one had to be killed that no test owned (test/README.md).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RUN_DIR, RUN_MARKER } from "./processes";
import { leakMessage, sweep } from "./sweep";

export default function setup(): () => Promise<void> {
  const marker = randomUUID();
  const runDir = mkdtempSync(join(tmpdir(), "eosvolt-test-run-"));
  process.env[RUN_MARKER] = marker;
  process.env[RUN_DIR] = runDir;
  return async () => {
    const { ended, unowned } = await sweep({ marker, rootPid: process.pid, runDir });
    rmSync(runDir, { recursive: true, force: true });
    for (const p of ended.filter((e) => e.owner !== undefined)) console.log(`process guard: ended pid ${p.pid} owned by ${p.owner}`);
    if (unowned.length > 0) {
      // Vitest reports an error thrown here but keeps its exit code: set it, too.
      process.exitCode = 1;
      throw new Error(leakMessage(unowned));
    }
  };
}
