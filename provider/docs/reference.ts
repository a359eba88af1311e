import { join } from "node:path";
import { z } from "zod";
import { outputFields } from "../core/fields";
import { kindList } from "../kinds";
import type { AnyKind } from "../kinds/kind";
import { elementOf, shapeOf, unwrap } from "../kinds/shape";
import * as schemas from "../schemas";
import { markdownTable } from "../markdown/table";
import { schemaComments } from "./comments";

/** Schema object → the name it is exported under, to find its comments. */
export const names = new Map<unknown, string>(
  [schemas, ...kindList.map((kind) => kind.schemaModule ?? {})].flatMap((module) => Object.entries(module).map(([name, value]) => [value, name] as const)),
);

interface Row {
  path: string;
  type: string;
  presence: string;
  doc: string;
}

/** The TSDoc comments of an object schema's fields, by field name. */
export function fieldComments(schema: z.ZodType, comments: Map<string, Map<string, string>>): Map<string, string> {
  return comments.get(names.get(unwrap(schema)) ?? names.get(schema) ?? "") ?? new Map<string, string>();
}

/** Whether a field must be given (not optional and without a default). */
export function isRequired(schema: z.ZodType): boolean {
  return presence(schema) === "required";
}

/** What an output that is not an input holds, in words (server fields, timestamps, fingerprints, derived outputs). */
export function outputDoc(kind: AnyKind, name: string, comments: Map<string, Map<string, string>>): string {
  const doc =
    fieldComments(kind.serverSchema, comments).get(name) ??
    comments.get("serverTimestamps")?.get(name) ??
    (name.endsWith("Fingerprint") ? `Salted fingerprint of \`${name.replace(/Fingerprint$/, "")}\`; the secret itself is never stored.` : "");
  return kind.derived?.[name]?.doc ?? doc;
}

/** The provider's own inputs of a kind (adoption), with their type and description. */
export function adoptionInputs(kind: AnyKind): Array<{ name: string; type: "string" | "boolean"; doc: string }> {
  return [
    { name: "adoptId", type: "string", doc: `Id of an existing ${kind.noun} to take over instead of creating one (one \`GET\`, at most one \`PATCH\`).` },
    ...(kind.naturalKey
      ? [{ name: "adoptExisting", type: "boolean" as const, doc: `Take over the ${kind.noun} that already has this \`${kind.naturalKey}\`, if any.` }]
      : []),
  ];
}

function typeName(schema: z.ZodType): string {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodString) return "string";
  if (inner instanceof z.ZodNumber) return inner.format !== null ? "integer" : "number";
  if (inner instanceof z.ZodBoolean) return "boolean";
  if (inner instanceof z.ZodEnum) return inner.options.map((v) => `\`${String(v)}\``).join(" | ");
  if (inner instanceof z.ZodUnion) return inner.options.some((o) => o instanceof z.ZodNumber) ? "decimal string" : "string";
  const element = elementOf(inner);
  if (element) return `array of ${typeName(element)}`;
  if (inner instanceof z.ZodObject) return "object";
  return inner.type;
}

function presence(schema: z.ZodType): string {
  if (schema instanceof z.ZodDefault) return `default \`${JSON.stringify(schema.def.defaultValue)}\``;
  if (schema instanceof z.ZodOptional) return "optional";
  if (schema instanceof z.ZodPipe && schema.in instanceof z.ZodType) return presence(schema.in);
  return "required";
}

function rows(schema: z.ZodType, prefix: string, comments: Map<string, Map<string, string>>): Row[] {
  const object = unwrap(schema);
  const own = fieldComments(schema, comments);
  const out: Row[] = [];
  for (const [key, field] of Object.entries(shapeOf(object))) {
    const path = `${prefix}${key}`;
    out.push({ path, type: typeName(field), presence: presence(field), doc: own.get(key) ?? "" });
    let inner = unwrap(field);
    let suffix = "";
    for (let element = elementOf(inner); element; element = elementOf(inner)) {
      inner = unwrap(element);
      suffix += "[]";
    }
    if (inner instanceof z.ZodObject) out.push(...rows(inner, `${path}${suffix}.`, comments));
  }
  return out;
}

function kindSection(kind: AnyKind, comments: Map<string, Map<string, string>>): string {
  const inputs = rows(kind.inputSchema, "", comments)
    .map((r) => {
      const notes = [
        kind.replaceOnChanges.includes(r.path) ? "**Changing it replaces the object.**" : "",
        kind.writeOnly.includes(r.path) ? "**Secret, write-only.**" : "",
      ].filter(Boolean);
      return [`\`${r.path}\``, r.type, r.presence, [r.doc, ...notes].filter(Boolean).join(" ")];
    });
  const inputNames = new Set(Object.keys(shapeOf(kind.inputSchema)));
  const outputs = outputFields(kind)
    .filter((name) => !inputNames.has(name))
    .map((name) => [`\`${name}\``, outputDoc(kind, name, comments)]);
  const adopt = adoptionInputs(kind).map(({ name, type, doc }) => [`\`${name}\``, type, "optional", doc]);
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
    ...(kind.volatile.length
      ? [
          `Not kept in the state: ${kind.volatile.map((f) => `\`${f}\``).join(", ")}${(kind.nestedVolatile ?? []).map((f) => `, ${f}`).join("")}. Live status changes`,
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
    ...kindList.map((kind) => kindSection(kind, comments)),
  ].join("\n");
}
