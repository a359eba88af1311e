/**
 * examples/access through the real CLI: three dashboard admins go up (one
 * invitation each); a second preview shows no change, also with the actions of
 * each page in another order and e-mails in another case than the API stores;
 * an admin signing in (live status) is no drift and never in the state; a
 * permission edited by hand is drift; a new e-mail replaces the admin; destroy
 * leaves no admin.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator";
import { api } from "./api";
import { openProject, writes, type PulumiProject } from "./harness";

const line = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe("examples/access", { timeout: 300_000 }, () => {
  let project: PulumiProject;
  let emulator: RunningEmulator;
  let dispose: () => Promise<void>;
  const admins = (): Array<Record<string, any>> => emulator.state().admins;
  const byEmail = (email: string) => admins().find((a) => a.email === email)!;

  beforeAll(async () => {
    ({ project, emulator, dispose } = await openProject("access"));
    await project.init();
  }, 180_000);
  afterAll(async () => dispose?.());

  it("up creates the three admins, one invitation each, e-mails lower-cased and actions as sets", async () => {
    await project.expect(["up", "--yes"]);
    expect(writes(emulator).map(line).sort()).toEqual(["POST /v1/admins", "POST /v1/admins", "POST /v1/admins"]);
    expect(admins().map((a) => a.email).sort()).toEqual(["finance@example.com", "noc@example.com", "ops.lead@example.com"]);
    expect(emulator.invitations().map((i) => i.email).sort()).toEqual(["finance@example.com", "noc@example.com", "ops.lead@example.com"]);
    const finance = byEmail("finance@example.com");
    expect(finance.status).toBe("INVITED");
    const sorted = Object.fromEntries(Object.entries<string[]>(finance.permissions).map(([page, actions]) => [page, [...actions].sort()]));
    expect(sorted).toEqual({ dashboard: ["view"], pricing: ["view"], sessions: ["export", "view"], reports: ["export", "view"] });
    const outputs = await project.outputs();
    expect(outputs.financeId).toBe(byEmail("finance@example.com").id);
  });

  it("a second preview shows no change, also with actions in another order and e-mails in another case", async () => {
    emulator.clearRequests();
    await project.expect(["preview", "--expect-no-changes"]);
    project.edit("index.ts", 'chargers: ["edit", "view", "add", "delete"],', 'chargers: ["delete", "add", "view", "edit", "view"],');
    project.edit("index.ts", 'reports: ["view", "export"],', 'reports: ["export", "view"],');
    project.edit("index.ts", '"finance@example.com"', '"Finance@EXAMPLE.com"');
    project.edit("index.ts", '"noc@example.com"', '"NOC@Example.Com"');
    await project.expect(["preview", "--expect-no-changes"]);
    expect(writes(emulator)).toEqual([]);
  });

  it("an admin signing in changes its live status: no drift, and neither status nor lastSignInAt is in the state", async () => {
    const finance = byEmail("finance@example.com");
    emulator.signIn(finance.id);
    expect(byEmail("finance@example.com")).toMatchObject({ status: "ACTIVE", lastSignInAt: expect.any(String) });
    await project.expect(["preview", "--refresh", "--expect-no-changes"]);
    await project.expect(["refresh", "--yes", "--expect-no-changes"]);
    const { resources } = await project.exportState();
    const stored = resources.filter((r) => r.type === "pulumi-nodejs:dynamic/eosvolt:Admin");
    expect(stored).toHaveLength(3);
    for (const r of stored) {
      expect(r.outputs).not.toHaveProperty("status");
      expect(r.outputs).not.toHaveProperty("lastSignInAt");
      expect(r.outputs).toHaveProperty("invitedAt");
    }
  });

  it("a permission edited by hand shows as drift; up restores it with one PATCH", async () => {
    const finance = byEmail("finance@example.com");
    await api(emulator, "PATCH", `/v1/admins/${finance.id}`, { permissions: { ...finance.permissions, pricing: ["view", "edit"] } });
    emulator.clearRequests();
    const drifting = await project.run(["preview", "--refresh", "--expect-no-changes"]);
    expect(drifting.code).not.toBe(0);
    const refresh = await project.expect(["refresh", "--yes"]);
    expect(refresh.stdout).toMatch(/Admin \S+ updated .*\[diff: ~permissions\]/);
    await project.expect(["up", "--yes"]);
    expect(writes(emulator).map(line)).toEqual([`PATCH /v1/admins/${finance.id}`]);
    expect(byEmail("finance@example.com").permissions.pricing).toEqual(["view"]);
  });

  it("a new e-mail replaces the admin: a new invitation, the old access removed", async () => {
    const old = byEmail("finance@example.com");
    project.edit("index.ts", '"Finance@EXAMPLE.com"', '"finance.team@example.com"');
    emulator.clearRequests();
    const up = await project.expect(["up", "--yes"]);
    expect(up.stdout).toMatch(/replaced/);
    expect(writes(emulator).map(line)).toEqual(["POST /v1/admins", `DELETE /v1/admins/${old.id}`]);
    expect(admins().map((a) => a.email).sort()).toEqual(["finance.team@example.com", "noc@example.com", "ops.lead@example.com"]);
  });

  it("destroy leaves no admin", async () => {
    await project.expect(["destroy", "--yes"]);
    expect(admins()).toEqual([]);
  });
});
