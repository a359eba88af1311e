/**
 * The Pulumi package schema of the plugin (`schema.json`), generated from the
 * registry and the zod schemas: one resource `eosvolt:index:<Kind>` per kind,
 * descriptions from the schemas' TSDoc, required fields, enums, nested object
 * types, secrets (write-only fields, the token) and `replaceOnChanges`.
 */
import { join } from "node:path";
import { z } from "zod";
import { outputFields } from "../core/fields";
import { kindList } from "../kinds";
import type { AnyKind } from "../kinds/kind";
import { elementOf, shapeOf, unwrap } from "../kinds/shape";
import { PACKAGE, typeToken } from "../native/tokens";
import { packageVersion } from "../version";
import { schemaComments } from "./comments";
import { adoptionInputs, fieldComments, isRequired, names, outputDoc } from "./reference";

type Comments = Map<string, Map<string, string>>;
/** A property of the schema (`propertySpec` of Pulumi's metaschema). */
type Property = Record<string, unknown>;
/** An object or enum type of the schema (`types`). */
type TypeSpec = Record<string, unknown>;

const pascal = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The name of a nested object type: its schema's export name without `InputSchema`/`Schema`, else owner + field. */
function objectTypeName(schema: z.ZodType, owner: string, field: string): string {
  const exported = names.get(unwrap(schema)) ?? names.get(schema);
  const base = exported?.replace(/(Input)?Schema$/, "");
  return base && base.length > 0 ? pascal(base) : `${owner}${pascal(field)}`;
}

class SchemaBuilder {
  readonly types: Record<string, TypeSpec> = {};
  constructor(private readonly comments: Comments) {}

  /** The property of a zod field: its type (or `$ref`), description and array items. */
  property(schema: z.ZodType, owner: string, field: string, doc: string | undefined): Property {
    const spec: Property = { ...this.typeOf(schema, owner, field) };
    if (doc) spec.description = doc;
    return spec;
  }

  private typeOf(schema: z.ZodType, owner: string, field: string): Property {
    const inner = unwrap(schema);
    if (inner instanceof z.ZodString) return { type: "string" };
    if (inner instanceof z.ZodNumber) return { type: inner.format !== null ? "integer" : "number" };
    if (inner instanceof z.ZodBoolean) return { type: "boolean" };
    if (inner instanceof z.ZodEnum) {
      const token = `${PACKAGE}:index:${owner}${pascal(field)}`;
      this.types[token] = { type: "string", enum: inner.options.map((value) => ({ value: String(value) })) };
      return { $ref: `#/types/${token}` };
    }
    // Decimals (`decimal()`): a string or a number, always stored as a string with its exact digits.
    if (inner instanceof z.ZodUnion) return { type: "string" };
    const element = elementOf(inner);
    if (element) return { type: "array", items: this.typeOf(element, owner, field) };
    if (inner instanceof z.ZodObject) {
      const name = objectTypeName(inner, owner, field);
      const token = `${PACKAGE}:index:${name}`;
      if (!this.types[token]) {
        this.types[token] = { type: "object" }; // placeholder while its fields are built (no recursion in practice)
        const { properties, required } = this.objectFields(inner, name);
        this.types[token] = { type: "object", properties, ...(required.length ? { required } : {}) };
      }
      return { $ref: `#/types/${token}` };
    }
    return { $ref: "pulumi.json#/Any" };
  }

  objectFields(schema: z.ZodType, owner: string): { properties: Record<string, Property>; required: string[] } {
    const docs = fieldComments(schema, this.comments);
    const properties: Record<string, Property> = {};
    const required: string[] = [];
    for (const [field, fieldSchema] of Object.entries(shapeOf(schema))) {
      properties[field] = this.property(fieldSchema, owner, field, docs.get(field));
      if (isRequired(fieldSchema)) required.push(field);
    }
    return { properties, required };
  }

  /** One resource: inputs (with adoption and secrets), outputs, replacements. */
  resource(kind: AnyKind): Record<string, unknown> {
    const { properties: fields, required } = this.objectFields(kind.inputSchema, kind.type);
    for (const field of kind.writeOnly) fields[field] = { ...fields[field], secret: true };
    for (const field of kind.replaceOnChanges) fields[field] = { ...fields[field], replaceOnChanges: true };
    const inputProperties: Record<string, Property> = { ...fields };
    for (const { name, type, doc } of adoptionInputs(kind)) inputProperties[name] = { type, description: doc };
    const properties: Record<string, Property> = {};
    const serverShape = shapeOf(kind.serverSchema);
    const serverDocs = fieldComments(kind.serverSchema, this.comments);
    for (const name of outputFields(kind)) {
      if (name === "id") continue; // every resource has its id; the name is reserved
      if (fields[name]) properties[name] = fields[name];
      else if (serverShape[name]) properties[name] = this.property(serverShape[name], kind.type, name, serverDocs.get(name) ?? outputDoc(kind, name, this.comments));
      else properties[name] = { ...(name.endsWith("Fingerprint") ? { type: "string" } : { $ref: "pulumi.json#/Any" }), description: outputDoc(kind, name, this.comments) };
    }
    const requiredOutputs = required.filter((field) => !kind.writeOnly.includes(field) && properties[field]);
    return {
      description:
        `A ${kind.noun} of the EOSVOLT API (\`${kind.path}\`).` +
        (kind.replaceOnChanges.length ? ` Replaced when ${kind.replaceOnChanges.map((f) => `\`${f}\``).join(", ")} changes; every other field changes in place.` : " Every field changes in place.") +
        (kind.writeOnly.length ? ` ${kind.writeOnly.map((f) => `\`${f}\``).join(", ")}: secret and write-only; the state keeps a salted fingerprint.` : ""),
      inputProperties,
      ...(required.length ? { requiredInputs: required } : {}),
      properties,
      ...(requiredOutputs.length ? { required: requiredOutputs } : {}),
    };
  }
}

/** The provider's configuration (`eosvolt:*` keys), the same settings as `provider/config.ts` reads. */
function configVariables(): Record<string, Property> {
  return {
    token: { type: "string", secret: true, description: "EOSVOLT API token. Falls back to the `EOSVOLT_TOKEN` environment variable." },
    environment: {
      type: "string",
      description: "`production` (default) or `staging`. Falls back to `EOSVOLT_ENVIRONMENT`.",
    },
    baseUrl: { type: "string", description: "Overrides the environment's URL, e.g. the local emulator `http://127.0.0.1:8787`. Falls back to `EOSVOLT_BASE_URL`." },
    rateLimitBudget: {
      type: "number",
      description: "How long one API call may keep waiting on `429 Too Many Requests`, in seconds (default 600). Falls back to `EOSVOLT_RATE_LIMIT_BUDGET`.",
    },
  };
}

/** The package schema, as an object ready for `JSON.stringify`. */
export function packageSchema(root: string): Record<string, unknown> {
  const builder = new SchemaBuilder(schemaComments(join(root, "provider/schemas")));
  const resources: Record<string, unknown> = {};
  for (const kind of kindList) resources[typeToken(kind.type)] = builder.resource(kind);
  const config = configVariables();
  return {
    name: PACKAGE,
    displayName: "EOSVOLT",
    version: packageVersion(root) ?? "0.0.0",
    description: "Locations, chargers, pricing plans and teams of the EOSVOLT EV-charging platform, as code.",
    keywords: ["pulumi", "eosvolt", "ev-charging", "category/infrastructure"],
    license: "Apache-2.0",
    publisher: "EOSVOLT",
    meta: { moduleFormat: "(.*)" },
    config: { variables: config },
    provider: { description: "The EOSVOLT provider: one API token and environment.", inputProperties: config },
    resources,
    types: builder.types,
  };
}

/** {@link packageSchema} as the text of `schema.json`. */
export function packageSchemaText(root: string): string {
  return `${JSON.stringify(packageSchema(root), null, 2)}\n`;
}
