/**
 * The process guard of the test run (global-setup.ts) finds what a run left
 * behind: an orphan whose parent is gone (as the dynamic providers of a
 * killed `pulumi up` are) by the run's marker in its environment, and a child
 * started without that environment by its descent from the run. It ends both
 * and names the ones no test owned. Here with a marker of its own, so the real
 * run's teardown has nothing to report.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RUN_MARKER, descendantsOf, killTree, processInfo, runProcesses } from "./processes";
import { leakMessage, sweep } from "./sweep";

const started: number[] = [];
afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already ended, as it should be
    }
  }
});

const gone = (pid: number) => {
  const p = processInfo(pid);
  return p === undefined || p.state === "Z";
};

/** Starts an orphan: a shell that starts a sleeping node process in the background and exits at once. Resolves with the orphan's pid. */
function startOrphan(marker: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const parent = spawn("sh", ["-c", `${JSON.stringify(process.execPath)} -e 'setInterval(() => {}, 1000)' >/dev/null 2>&1 & echo $!`], {
      env: { ...process.env, [RUN_MARKER]: marker },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    parent.stdout.on("data", (d: Buffer) => (out += d.toString()));
    parent.on("error", reject);
    parent.on("exit", () => {
      const pid = Number(out.trim());
      started.push(pid);
      resolve(pid);
    });
  });
}

/** Waits for `condition`; only a hung process makes it give up, and then it says what it waited for. */
async function until(what: string, condition: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** True once `pid` runs the exec'd node (its command line and environment are then the new program's, not the forking shell's). */
const execd = (pid: number) => processInfo(pid)?.command.includes("setInterval") === true;

describe("process guard", { timeout: 120_000 }, () => {
  it("finds an orphan of the run by its marker, ends it, and reports it as a leak", async () => {
    const marker = `guard-test-${randomUUID()}`;
    const orphan = await startOrphan(marker);
    await until(`the orphan ${orphan} to exec node`, () => execd(orphan));
    expect(processInfo(orphan)?.marker).toBe(marker);
    expect(runProcesses(marker, -1).map((p) => p.pid)).toEqual([orphan]);

    const { ended, unowned } = await sweep({ marker, rootPid: -1, graceMs: 2000, settleMs: 200 });
    expect(ended.map((p) => p.pid)).toEqual([orphan]);
    expect(unowned.map((p) => p.pid)).toEqual([orphan]);
    await until(`the orphan ${orphan} to end`, () => gone(orphan));
    expect(leakMessage(unowned)).toMatch(new RegExp(`left 1 process running that no test owned[^]*pid ${orphan} .*setInterval`));
  });

  it("finds a child started without the run's environment by its descent, and does not report an owned one", async () => {
    const marker = `guard-test-${randomUUID()}`;
    const runDir = mkdtempSync(join(tmpdir(), "guard-test-"));
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { env: { PATH: process.env.PATH ?? "" }, stdio: "ignore" });
    const pid = child.pid ?? 0;
    started.push(pid);
    const exited = new Promise((r) => child.on("exit", r));
    mkdirSync(join(runDir, "owned"), { recursive: true });
    writeFileSync(join(runDir, "owned", String(pid)), "guard.test.ts");
    await until(`the child ${pid} to exec node`, () => execd(pid));
    expect(processInfo(pid)?.marker).toBeUndefined();

    const { ended, unowned } = await sweep({ marker, rootPid: process.pid, runDir, graceMs: 2000, settleMs: 200 });
    expect(ended).toEqual([expect.objectContaining({ pid, owner: "guard.test.ts" })]);
    expect(unowned).toEqual([]);
    await exited;
  });

  it("does not report a process that ends by itself while the run ends (found still exiting)", async () => {
    const marker = `guard-test-${randomUUID()}`;
    const child = spawn("sh", ["-c", "read line"], { env: { ...process.env, [RUN_MARKER]: marker }, stdio: ["pipe", "ignore", "inherit"] });
    const pid = child.pid ?? 0;
    started.push(pid);
    await until(`the child ${pid} to exec sh`, () => processInfo(pid)?.command === "sh -c read line");
    // The sweep lists the run's processes before its first await: the child is among them, then ends on its own.
    const sweeping = sweep({ marker, rootPid: -1, graceMs: 2000, settleMs: 60_000 });
    child.stdin!.end();
    const { ended, unowned, settled } = await sweeping;
    expect(settled.map((p) => p.pid)).toEqual([pid]);
    expect(ended).toEqual([]);
    expect(unowned).toEqual([]);
  });

  it("killTree ends a process, its group and a descendant that runs in a group of its own (as Pulumi's plugins do)", async () => {
    const script = `const { spawn } = require("node:child_process");
      const c = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { detached: true, stdio: "ignore" });
      console.log(c.pid); setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ["-e", script], { detached: true, stdio: ["ignore", "pipe", "inherit"] });
    started.push(parent.pid ?? 0);
    const grandchild = await new Promise<number>((resolve) => parent.stdout.once("data", (d: Buffer) => resolve(Number(d.toString().trim()))));
    started.push(grandchild);
    expect(processInfo(grandchild)?.pgid).toBe(grandchild); // its own group: killing the parent's group misses it
    expect(descendantsOf(parent.pid ?? 0)).toContain(grandchild);
    killTree(parent.pid ?? 0);
    await until("the parent and its grandchild to end", () => gone(grandchild) && gone(parent.pid ?? 0));
  });

  it("leaves alone what is not the run's: no marker, no descent", async () => {
    expect(runProcesses(`guard-test-${randomUUID()}`, -1)).toEqual([]);
  });
});
