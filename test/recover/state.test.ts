import { describe, expect, it } from "vitest";
import { ConfigurationError, resolveConfig } from "../../provider/config";
import { EosvoltConfigError } from "../../provider/client";
import { kindOfType, pendingCreates, recordRecovered, type Deployment } from "../../provider/recover/state";

const CHARGER = "pulumi-nodejs:dynamic/eosvolt:Charger";
const pending = (urn: string, type = CHARGER) => ({
  type: "creating",
  resource: { urn, type, inputs: { ocppIdentity: urn, authorizationKey: "secret-key" } },
});

describe("eosvolt-recover-pending: the state edit", () => {
  const deployment: Deployment = {
    manifest: { time: "t" },
    resources: [{ urn: "stack", type: "pulumi:pulumi:Stack" }],
    pending_operations: [pending("a"), pending("b"), pending("c", "aws:s3/bucket:Bucket"), { type: "updating", resource: { urn: "d", type: CHARGER } }],
  };

  it("records the found ones as created without write-only fields, drops every pending create, keeps other operations", () => {
    const creates = pendingCreates(deployment);
    expect(creates.map((op) => op.resource.urn)).toEqual(["a", "b", "c"]);
    const out = recordRecovered(deployment, creates, new Map([["a", "100"]]));
    expect(out.manifest).toEqual({ time: "t" });
    expect(out.resources).toEqual([
      { urn: "stack", type: "pulumi:pulumi:Stack" },
      { urn: "a", type: CHARGER, id: "100", inputs: { ocppIdentity: "a", authorizationKey: "secret-key" }, outputs: { ocppIdentity: "a" } },
    ]);
    expect(out.pending_operations).toEqual([{ type: "updating", resource: { urn: "d", type: CHARGER } }]);
    expect(recordRecovered({ pending_operations: [pending("a")] }, [pending("a")], new Map()).pending_operations).toBeUndefined();
  });

  it("knows the EOSVOLT kinds by type token only", () => {
    expect(kindOfType(CHARGER)?.type).toBe("Charger");
    expect(kindOfType("pulumi-nodejs:dynamic/eosvolt:toString")).toBeUndefined();
    expect(kindOfType("aws:s3/bucket:Bucket")).toBeUndefined();
  });
});

describe("one configuration resolution", () => {
  it("the provider's ConfigurationError is the client's EosvoltConfigError, with the provider's messages", () => {
    expect(ConfigurationError).toBe(EosvoltConfigError);
    expect(() => resolveConfig(() => undefined, {})).toThrow(EosvoltConfigError);
    expect(() => resolveConfig(() => undefined, {})).toThrow(/No EOSVOLT API token.*eosvolt:token.*EOSVOLT_TOKEN/);
    expect(() => resolveConfig((k) => ({ "eosvolt:token": "t", "eosvolt:environment": "dev" })[k], {})).toThrow(
      'eosvolt:environment must be "production" or "staging", not "dev".',
    );
  });

  it("stack config wins over EOSVOLT_* variables; blank values count as unset", () => {
    const env = { EOSVOLT_TOKEN: "env-token", EOSVOLT_ENVIRONMENT: "staging", EOSVOLT_BASE_URL: "http://127.0.0.1:1" };
    expect(resolveConfig((k) => ({ "eosvolt:token": " cfg-token ", "eosvolt:baseUrl": " " })[k], env)).toEqual({
      token: "cfg-token",
      environment: "staging",
      baseUrl: "http://127.0.0.1:1",
    });
    expect(resolveConfig(() => undefined, { EOSVOLT_TOKEN: "t" })).toEqual({ token: "t", environment: "production", baseUrl: undefined });
  });
});
