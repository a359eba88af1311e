/**
 * The token and every `authorizationKey` stay secret, through the real Pulumi
 * CLI: the quickstart and the fleet subset are created, changed, refreshed,
 * made to fail (401, 403, 409) and destroyed, and the state, the serialized
 * provider, stdout, stderr and every error are scanned for the secrets.
 */
import { describe, expect, it } from "vitest";
import { providerShim } from "../../provider/dynamic/shim";
import { api } from "../engine/api";
import type { CommandResult, PulumiProject } from "../engine/harness";
import { initSubset, openProgram, SUBSET } from "./helpers";

const TOKEN = "eosvolt-secret-token-7f3a9c1e";
const READ_ONLY = "eosvolt-readonly-token-4b8d2f";
const UNKNOWN = "eosvolt-unknown-token-0c5e9a";
const KEY_1 = "ocpp-basic-auth-key-SECRET-1";
const KEY_2 = "ocpp-basic-auth-key-SECRET-2";
const SECRETS = [TOKEN, READ_ONLY, UNKNOWN, KEY_1, KEY_2];
const tokens = { [TOKEN]: ["*"], "dev-token": ["*"], [READ_ONLY]: ["locations:read", "chargers:read", "pricing:read", "sessions:read"] } as const;

/** Every text a user or a log could see, collected as the test goes. */
class Transcript {
  readonly texts: string[] = [];
  add(label: string, text: string): void {
    this.texts.push(`--- ${label}\n${text}`);
  }
  async run(project: PulumiProject, args: string[], code: number | "fail" = 0): Promise<CommandResult> {
    const result = await project.run(args);
    this.add(`pulumi ${args.join(" ")} (exit ${result.code})`, result.stdout + result.stderr);
    if (code === "fail") expect(result.code, result.stdout + result.stderr).not.toBe(0);
    else expect(result.code, result.stdout + result.stderr).toBe(code);
    return result;
  }
  async state(project: PulumiProject): Promise<void> {
    const { text, resources } = await project.exportState();
    this.add("stack export", text);
    for (const r of resources) {
      if (!String(r.type).startsWith("pulumi-nodejs:dynamic/eosvolt:")) continue;
      const kind = String(r.type).split(":").pop() as "Charger";
      expect(r.inputs.__provider).toBe(providerShim(kind));
      expect(r.outputs.__provider).toBe(providerShim(kind));
    }
    this.add("stack output --json", (await project.expect(["stack", "output", "--json"])).stdout);
  }
  expectClean(): void {
    const all = this.texts.join("\n");
    expect(all.length).toBeGreaterThan(1000);
    for (const secret of SECRETS) {
      const at = all.indexOf(secret);
      expect(at, `secret found: …${all.slice(Math.max(0, at - 300), at + 50)}`).toBe(-1);
    }
  }
}

describe("secrets never leak, through the real Pulumi CLI", { timeout: 300_000 }, () => {
  it("quickstart: create, rotate the key, refresh, 403, 401, 409, destroy", async () => {
    const { project, emulator, dispose } = await openProgram("quickstart", { tokens: tokens as never });
    const t = new Transcript();
    try {
      await project.init();
      await project.expect(["config", "set", "--secret", "eosvolt:token", TOKEN]);
      await project.expect(["config", "set", "--secret", "authorizationKey", KEY_1]);
      await t.run(project, ["preview", "--diff"]);
      await t.run(project, ["up", "--yes", "--diff"]);
      expect(emulator.state().chargers.every((c) => c.authorizationKeySet)).toBe(true);
      await t.state(project);

      await project.expect(["config", "set", "--secret", "authorizationKey", KEY_2]);
      const rotate = await t.run(project, ["up", "--yes", "--diff"]);
      expect(rotate.stdout).toContain("2 updated");
      await t.run(project, ["refresh", "--yes", "--diff"]);
      await t.state(project);

      // 403: a token without pricing:write; the message names the scope.
      project.edit("index.ts", 'price: "0.39"', 'price: "0.41"');
      await project.expect(["config", "set", "--secret", "eosvolt:token", READ_ONLY]);
      const forbidden = await t.run(project, ["up", "--yes"], "fail");
      expect(forbidden.stdout + forbidden.stderr).toContain(
        "EOSVOLT API 403 insufficient_scope: Token lacks scope 'pricing:write'.",
      );
      expect(forbidden.stdout + forbidden.stderr).toContain("The token lacks the scope 'pricing:write': use a token that has it.");

      // 401: an unknown token; the message says what to do.
      await project.expect(["config", "set", "--secret", "eosvolt:token", UNKNOWN]);
      const unauthorized = await t.run(project, ["up", "--yes"], "fail");
      expect(unauthorized.stdout + unauthorized.stderr).toMatch(/EOSVOLT API 401 invalid_token: .*The EOSVOLT API token is missing, invalid or expired: set a valid one with `pulumi config set --secret eosvolt:token <token>`/);

      // 409 on create: a charger someone made by hand with the same identity and other fields.
      await project.expect(["config", "set", "--secret", "eosvolt:token", TOKEN]);
      await t.run(project, ["up", "--yes"]);
      const hq = emulator.state().locations[0];
      project.edit("index.ts", '["HQ-AC-01", "HQ-AC-02"]', '["HQ-AC-01", "HQ-AC-02", "HQ-AC-03"]');
      const theirs = await api(emulator, "POST", "/v1/chargers", {
        locationId: hq.id, ocppIdentity: "HQ-AC-03", ocppVersion: "OCPP16", maxPowerW: 7400, authorizationKey: "someone-elses-key-123",
        evses: [{ evseId: 1, connectors: [{ connectorId: 1, standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_1_PHASE", maxVoltage: 230, maxAmperage: 32 }] }],
      });
      const conflict = await t.run(project, ["up", "--yes"], "fail");
      expect(conflict.stdout + conflict.stderr).toMatch(/a charger with ocppIdentity "HQ-AC-03" already exists \(id \d+, at location loc_\w+\) and differs from the program in/);
      await t.state(project);
      await api(emulator, "DELETE", `/v1/chargers/${theirs.id}`);
      await t.run(project, ["destroy", "--yes"]);
      t.expectClean();
    } finally {
      await dispose();
    }
  });

  it("the fleet subset with an authorizationKey on every charger: up, export, destroy", async () => {
    const { project, dispose } = await openProgram(SUBSET, { tokens: tokens as never });
    const t = new Transcript();
    try {
      await initSubset(project, 1, { authorizationKey: KEY_1 });
      await project.expect(["config", "set", "--secret", "eosvolt:token", TOKEN]);
      await t.run(project, ["up", "--yes", "--diff"]);
      await t.state(project);
      await t.run(project, ["destroy", "--yes"]);
      t.expectClean();
    } finally {
      await dispose();
    }
  });
});
