import { join } from "node:path";
import type { z } from "zod";
import { outputFields } from "../dynamic/fields";
import type { ResourceKind } from "../dynamic/kind";
import { shapeOf, unwrap } from "../dynamic/project";
import { kinds } from "../kinds";
import * as schemas from "../schemas";
import { markdownTable } from "../markdown/table";
import { schemaComments } from "./comments";

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  defaultValue?: unknown;
  checks?: Array<{ _zod: { def: { check: string; format?: string } } }>;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Schema object → the name it is exported under, to find its comments. */
const names = new Map<unknown, string>(Object.entries(schemas).map(([name, value]) => [value, name]));

interface Row {
  path: string;
  type: string;
  presence: string;
  doc: string;
}

function typeName(schema: z.ZodType): string {
  const def = defOf(unwrap(schema));
  switch (def.type) {
    case "string":
      return "string";
    case "number":
      return def.checks?.some((c) => c._zod.def.format === "safeint" || c._zod.def.check === "number_format") ? "integer" : "number";
    case "boolean":
      return "boolean";
    case "enum":
      return Object.values(def.entries ?? {}).map((v) => `\`${v}\``).join(" | ");
    case "union":
      return (def.options ?? []).some((o) => defOf(o).type === "number") ? "decimal string" : "string";
    case "array":
      return `array of ${typeName(def.element as z.ZodType)}`;
    case "object":
      return "object";
    default:
      return def.type;
  }
}

function presence(schema: z.ZodType): string {
  const def = defOf(schema);
  if (def.type === "default") return `default \`${JSON.stringify(typeof def.defaultValue === "function" ? (def.defaultValue as () => unknown)() : def.defaultValue)}\``;
  if (def.type === "optional") return "optional";
  if (def.type === "pipe" && def.in) return presence(def.in);
  return "required";
}

function rows(schema: z.ZodType, prefix: string, comments: Map<string, Map<string, string>>): Row[] {
  const object = unwrap(schema);
  const own = comments.get(names.get(object) ?? names.get(schema) ?? "") ?? new Map<string, string>();
  const out: Row[] = [];
  for (const [key, field] of Object.entries(shapeOf(object))) {
    const path = `${prefix}${key}`;
    out.push({ path, type: typeName(field), presence: presence(field), doc: own.get(key) ?? "" });
    let inner = unwrap(field);
    let suffix = "";
    while (defOf(inner).type === "array") {
      inner = unwrap(defOf(inner).element as z.ZodType);
      suffix += "[]";
    }
    if (defOf(inner).type === "object") out.push(...rows(inner, `${path}${suffix}.`, comments));
  }
  return out;
}

function kindSection(kind: ResourceKind, comments: Map<string, Map<string, string>>): string {
  const inputs = rows(kind.inputSchema, "", comments)
    .map((r) => {
      const notes = [
        kind.replaceOnChanges.includes(r.path) ? "**Changing it replaces the object.**" : "",
        kind.writeOnly.includes(r.path) ? "**Secret, write-only.**" : "",
      ].filter(Boolean);
      return [`\`${r.path}\``, r.type, r.presence, [r.doc, ...notes].filter(Boolean).join(" ")];
    });
  const serverComments = comments.get(names.get(kind.serverSchema) ?? "") ?? new Map<string, string>();
  const inputNames = new Set(Object.keys(shapeOf(kind.inputSchema)));
  const outputs = outputFields(kind)
    .filter((name) => !inputNames.has(name))
    .map((name) => {
      const doc =
        serverComments.get(name) ??
        comments.get("serverTimestamps")?.get(name) ??
        (name.endsWith("Fingerprint") ? `Salted fingerprint of \`${name.replace(/Fingerprint$/, "")}\`; the secret itself is never stored.` : "");
      const derived = name === "connectorRefs" ? "Connector references `chargerId.evseId.connectorId`, e.g. `[\"242.1.1\", \"242.2.1\"]`." : doc;
      return [`\`${name}\``, derived];
    });
  const adopt = [
    ["`adoptId`", "string", "optional", `Id of an existing ${kind.noun} to take over instead of creating one (one \`GET\`, at most one \`PATCH\`).`],
    ...(kind.naturalKey ? [["`adoptExisting`", "boolean", "optional", `Take over the ${kind.noun} that already has this \`${kind.naturalKey}\`, if any.`]] : []),
  ];
  return [
    `## ${kind.type}`,
    "",
    `Type token \`pulumi-nodejs:dynamic/eosvolt:${kind.type}\`.` +
      (kind.replaceOnChanges.length ? ` Replaced when ${kind.replaceOnChanges.map((f) => `\`${f}\``).join(", ")} changes; every other field changes in place.` : " Every field changes in place."),
    "",
    "### Inputs",
    "",
    markdownTable(["field", "type", "presence", "description"], [...inputs, ...adopt]),
    "",
    "### Outputs",
    "",
    "Every input (with its default applied and its value normalised as the API stores it), and:",
    "",
    markdownTable(["output", "description"], outputs),
    "",
    ...(kind.volatile?.length
      ? [
          `Not kept in the state: ${kind.volatile.map((f) => `\`${f}\``).join(", ")}${kind.type === "Charger" ? ", connector `status`" : ""}. Live status changes`,
          `without any configuration change (refresh reports configuration drift only) and state bytes are engine time; read them with \`get${kind.type}\`.`,
          "",
        ]
      : []),
  ].join("\n");
}

/** The reference of every resource kind, as Markdown. */
export function referenceMarkdown(root: string): string {
  const comments = schemaComments(join(root, "provider/schemas"));
  return [
    "# pulumi-eosvolt reference",
    "",
    "Generated from the zod schemas in `provider/schemas/` by `npm run docs`; do not edit by hand.",
    "Decimals are strings with at most 4 decimals (`\"0.39\"`); the API stores exactly 4 (`\"0.3900\"`), and both",
    "spellings are the same value. Arrays marked as sets (`facilities`, `dayOfWeek`) ignore order.",
    "",
    ...Object.values(kinds).map((kind) => kindSection(kind, comments)),
  ].join("\n");
}
