import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "./harness";

const dir = mkdtempSync(join(tmpdir(), "eosvolt-demo-"));

function demo(): Promise<{ code: number; output: string }> {
  return new Promise((done) =>
    execFile(process.execPath, [join(ROOT, "scripts/demo.mjs")], { env: { ...process.env, EOSVOLT_DEMO_DIR: dir }, timeout: 240_000 }, (error, stdout, stderr) =>
      done({ code: error ? 1 : 0, output: stdout + stderr }),
    ),
  );
}

describe("npm run demo", { timeout: 300_000 }, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates the quickstart, then a second run reports no changes", async () => {
    const first = await demo();
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain("+ 5 created");
    expect(first.output).toMatch(/"connectorRefs"/);
    const second = await demo();
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain("5 unchanged");
    expect(second.output).not.toMatch(/created|updated|deleted/);
  });
});
