/**
 * Reads the document `pulumi preview --json` prints (the engine's "preview
 * digest") into the resources of one stack and what the preview does to them.
 *
 * The shape, as the Pulumi CLI 3.x prints it:
 *
 *   { config, steps: [{ op, urn, provider?, oldState?, newState?, replaceReasons?, detailedDiff }],
 *     diagnostics?: [{ urn?, message, severity }], duration, changeSummary: { create: 3, same: 9, … } }
 *
 * `oldState` is the resource as the state has it (`id`, `inputs`, `outputs`);
 * `newState` is what the program declares: `inputs`, `dependencies` and
 * `propertyDependencies` (input name → URNs it came from), but during a preview
 * no `id` and no `outputs`. Values not known yet are the string
 * {@link UNKNOWN}; secrets are objects with the key {@link SECRET_SIGNATURE}.
 * Steps of unchanged resources (`same`) appear only with `--show-sames`.
 * With `--show-replacement-steps` a replacement is three steps
 * (`create-replacement`, `replace`, `delete-replaced`) of one URN.
 */

import { isKindName, kindNames, type KindName } from "../kinds";

/** The engine's placeholder of a value known only after `pulumi up`. */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The key that marks a secret value in the engine's JSON. */
export const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

/** A value the preview does not know yet. */
export const UNKNOWN: unique symbol = Symbol("known after apply");
/** A secret value: never printed. */
export const SECRET: unique symbol = Symbol("secret");

export type Kind = KindName;
export type Op = "create" | "update" | "replace" | "delete" | "same" | "read" | "import" | "refresh" | "other";

export interface ResourceState {
  id?: unknown;
  /** The declared (or stored) inputs, unknown and secret values replaced by {@link UNKNOWN} / {@link SECRET}. */
  inputs: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
}

export interface ResourceChange {
  urn: string;
  /** The resource name in the program (`public-ac`). */
  name: string;
  type: string;
  /** The EOSVOLT kind, or undefined for any other resource. */
  kind?: Kind;
  /** What the preview does, the replacement steps folded into `replace`. */
  op: Op;
  /** The ops of the engine's steps for this URN, as printed. */
  rawOps: string[];
  old?: ResourceState;
  new?: ResourceState;
  replaceReasons: string[];
}

export interface Preview {
  resources: ResourceChange[];
  /** `changeSummary` counts `same` resources the steps do not list (no `--show-sames`). */
  unchangedOmitted: boolean;
  /** Error diagnostics (the preview failed or is incomplete). */
  errors: string[];
  changeSummary: Record<string, number>;
}

export class PreviewFormatError extends Error {}

const KIND = new RegExp(`(?:^|[:/])eosvolt:(?:index:)?(${kindNames.join("|")})$`);

/** The EOSVOLT kind of a type token (`pulumi-nodejs:dynamic/eosvolt:PricingPlan` → `PricingPlan`). */
export function kindOf(type: string): Kind | undefined {
  const name = KIND.exec(type)?.[1];
  return name !== undefined && isKindName(name) ? name : undefined;
}

/** Replaces the engine's unknown and secret encodings by {@link UNKNOWN} and {@link SECRET}, deeply. */
export function sanitize(value: unknown): unknown {
  if (value === UNKNOWN_VALUE) return UNKNOWN;
  if (value === "[secret]") return SECRET;
  if (Array.isArray(value)) return value.map(sanitize);
  if (value && typeof value === "object") {
    if (SECRET_SIGNATURE in value) return SECRET;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = sanitize(v);
    return out;
  }
  return value;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

function readState(raw: unknown): ResourceState | undefined {
  if (!isObject(raw)) return undefined;
  const inputs = isObject(raw.inputs) ? (sanitize(raw.inputs) as Record<string, unknown>) : {};
  const outputs = isObject(raw.outputs) ? (sanitize(raw.outputs) as Record<string, unknown>) : undefined;
  const propertyDependencies: Record<string, string[]> = {};
  if (isObject(raw.propertyDependencies)) {
    for (const [key, urns] of Object.entries(raw.propertyDependencies)) {
      if (Array.isArray(urns)) propertyDependencies[key] = urns.filter((u): u is string => typeof u === "string");
    }
  }
  const dependencies = Array.isArray(raw.dependencies) ? raw.dependencies.filter((u): u is string => typeof u === "string") : [];
  return { id: sanitize(raw.id ?? outputs?.id), inputs, outputs, dependencies, propertyDependencies };
}

const REPLACE_OPS = new Set(["replace", "create-replacement", "delete-replaced", "import-replacement", "discard-replaced"]);
/** When a URN has several steps, the one that tells what happens to it. */
const PRIORITY: Op[] = ["replace", "create", "delete", "update", "import", "read", "same", "refresh", "other"];

function normalOp(op: string): Op {
  if (REPLACE_OPS.has(op)) return "replace";
  if (op === "create" || op === "update" || op === "delete" || op === "same" || op === "read" || op === "import" || op === "refresh") return op;
  if (op === "read-replacement") return "read";
  return "other";
}

/** The resource name at the end of a URN. */
export function urnName(urn: string): string {
  const parts = urn.split("::");
  return parts[parts.length - 1] ?? urn;
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, "").replace(/<\{%[a-z]+%\}>/gi, "");
}

/** Parses the text `pulumi preview --json` printed. Throws {@link PreviewFormatError} when it is not one. */
export function parsePreviewText(text: string): Preview {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    // Some CLI versions print warnings before the document; take the outermost object.
    const start = text.indexOf("{");
    const end = text.lastIndexOf("}");
    try {
      if (start < 0 || end <= start) throw error;
      doc = JSON.parse(text.slice(start, end + 1));
    } catch {
      throw new PreviewFormatError(`not a JSON document: ${(error as Error).message}`);
    }
  }
  return parsePreview(doc);
}

/** Reads a parsed preview digest. */
export function parsePreview(doc: unknown): Preview {
  if (!isObject(doc)) throw new PreviewFormatError("expected the JSON object `pulumi preview --json` prints");
  if (doc.steps !== undefined && !Array.isArray(doc.steps)) throw new PreviewFormatError("`steps` is not an array");
  const steps = (doc.steps ?? []) as unknown[];
  if (!("steps" in doc) && !("changeSummary" in doc)) {
    throw new PreviewFormatError("no `steps` and no `changeSummary`: is this the output of `pulumi preview --json`?");
  }

  const byUrn = new Map<string, ResourceChange>();
  for (const step of steps) {
    if (!isObject(step) || typeof step.urn !== "string" || typeof step.op !== "string") continue;
    const oldState = readState(step.oldState);
    const newState = readState(step.newState);
    const type =
      (isObject(step.newState) && typeof step.newState.type === "string" && step.newState.type) ||
      (isObject(step.oldState) && typeof step.oldState.type === "string" && step.oldState.type) ||
      step.urn.split("::")[2] ||
      "";
    const existing = byUrn.get(step.urn);
    const op = normalOp(step.op);
    const reasons = Array.isArray(step.replaceReasons) ? step.replaceReasons.filter((r): r is string => typeof r === "string") : [];
    if (!existing) {
      byUrn.set(step.urn, {
        urn: step.urn,
        name: urnName(step.urn),
        type,
        kind: kindOf(type),
        op,
        rawOps: [step.op],
        old: oldState,
        new: step.op === "delete" || step.op === "delete-replaced" ? undefined : newState,
        replaceReasons: reasons,
      });
      continue;
    }
    existing.rawOps.push(step.op);
    if (PRIORITY.indexOf(op) < PRIORITY.indexOf(existing.op)) existing.op = op;
    existing.old ??= oldState;
    if (step.op !== "delete" && step.op !== "delete-replaced" && newState) existing.new = newState;
    for (const r of reasons) if (!existing.replaceReasons.includes(r)) existing.replaceReasons.push(r);
  }

  const resources = [...byUrn.values()];
  const changeSummary: Record<string, number> = {};
  if (isObject(doc.changeSummary)) {
    for (const [k, v] of Object.entries(doc.changeSummary)) if (typeof v === "number") changeSummary[k] = v;
  }
  const listedSame = resources.filter((r) => r.op === "same").length;
  const errors = (Array.isArray(doc.diagnostics) ? doc.diagnostics : [])
    .filter((d): d is Record<string, unknown> => isObject(d) && d.severity === "error" && typeof d.message === "string")
    .map((d) => stripAnsi(String(d.message)).trim());
  return { resources, unchangedOmitted: (changeSummary.same ?? 0) > listedSame, errors, changeSummary };
}
