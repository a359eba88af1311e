import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { packageSchemaText } from "../../provider/docs/package-schema";
import { kindNames } from "../../provider/kinds";
import { NativeProvider } from "../../provider/native/provider";

const root = join(__dirname, "../..");
const metaschema: unknown = JSON.parse(readFileSync(join(__dirname, "fixtures/pulumi-metaschema.json"), "utf8"));
type Spec = Record<string, any>;
const schema: Spec = JSON.parse(readFileSync(join(root, "schema.json"), "utf8"));

describe("the package schema (schema.json)", () => {
  it("is up to date with the zod schemas and the registry (run `npm run docs`)", () => {
    expect(readFileSync(join(root, "schema.json"), "utf8")).toBe(packageSchemaText(root));
  });

  it("is valid against Pulumi's metaschema (pkg/codegen/schema/pulumi.json of pkg/v3@v3.276.0)", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(metaschema as object);
    const valid = validate(schema);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("fails the metaschema when a resource is malformed (the check can fail)", () => {
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(metaschema as object);
    const broken = structuredClone(schema);
    broken.resources["eosvolt:index:Charger"].inputProperties.ocppIdentity = { type: 42 };
    expect(validate(broken)).toBe(false);
  });

  it("has one resource eosvolt:index:<Kind> per kind of the registry, each input with a description", () => {
    expect(Object.keys(schema.resources).sort()).toEqual(kindNames.map((k) => `eosvolt:index:${k}`).sort());
    for (const [token, resource] of Object.entries<Spec>(schema.resources)) {
      for (const [field, spec] of Object.entries<Spec>(resource.inputProperties)) {
        expect(spec.description, `${token}.${field}`).toMatch(/\S/);
      }
    }
  });

  it("carries required fields, enums, nested types, secrets and replaceOnChanges from the kinds", () => {
    const charger = schema.resources["eosvolt:index:Charger"];
    expect(charger.requiredInputs).toEqual(expect.arrayContaining(["locationId", "ocppIdentity", "ocppVersion", "maxPowerW", "evses"]));
    expect(charger.requiredInputs).not.toContain("enabled"); // has a default
    expect(charger.inputProperties.authorizationKey.secret).toBe(true);
    expect(charger.properties.authorizationKey).toBeUndefined(); // write-only: never an output
    expect(charger.properties.authorizationKeyFingerprint.type).toBe("string");
    expect(charger.inputProperties.ocppIdentity.replaceOnChanges).toBe(true);
    expect(charger.inputProperties.ocppIdentity.description).toContain("OCPP charge-point identity");
    expect(charger.inputProperties.evses).toEqual(expect.objectContaining({ type: "array", items: { $ref: "#/types/eosvolt:index:Evse" } }));
    expect(schema.types["eosvolt:index:Evse"].properties.connectors.items.$ref).toBe("#/types/eosvolt:index:Connector");
    expect(schema.types["eosvolt:index:ChargerOcppVersion"].enum.map((e: Spec) => e.value)).toEqual(["OCPP16", "OCPP201", "OCPP21"]);
    expect(schema.resources["eosvolt:index:PricingPlan"].inputProperties.currency.replaceOnChanges).toBe(true);
    expect(schema.config.variables.token.secret).toBe(true);
    expect(schema.provider.inputProperties.token.secret).toBe(true);
  });

  it("is what the plugin's getSchema serves, with the plugin's version", async () => {
    const provider = new NativeProvider();
    const served = JSON.parse(await provider.getSchema());
    expect(served).toEqual({ ...schema, version: provider.version });
  });
});
