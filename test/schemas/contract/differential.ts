/**
 * One truth for what the API takes: every generated input goes through the
 * provider's `check` (what `pulumi-eosvolt/dynamic` runs) and through the
 * emulator's create-body validation (what `POST` runs before its reference
 * checks), and the two answers are compared the way a user meets them:
 *
 * - `check` passed: what it returned, sent as JSON, must be accepted, and no
 *   decimal in it may differ in value from what the program wrote;
 * - `check` failed: the raw input, sent as JSON (decimals written as numbers
 *   sent as their exact text, see {@link asWritten}), must be refused too, unless
 *   the case is one of {@link DELIBERATE}, the listed strictness of `check`.
 *
 * Referential rules (an id that does not exist, a duplicate `ocppIdentity`)
 * stay the API's: the emulator's schema step does not look ids up.
 */
import fc from "fast-check";
import type { CheckFailure } from "../../../provider/core/check";
import { GenericProvider } from "../../../provider/dynamic/provider";
import { kinds, type KindName } from "../../../provider/kinds";
import type { AnyKind } from "../../../provider/kinds/kind";
import { numberToPlainText } from "../../../provider/decimal";
import { parseAdminBody, parseChargerBody, parseLocationBody, parsePricingPlanBody, parseTeamBody } from "../../../emulator/validation/create";
import { mutated, type Mutation } from "./mutations";
import { validAdmin, validCharger, validLocation, validPricingPlan, validTeam } from "./valid";

const LOCATION_ID = "loc_fuzz";
const PLAN_ID = "pp_fuzz";

const API: Record<KindName, (body: Record<string, unknown>) => unknown> = {
  Location: parseLocationBody,
  Charger: parseChargerBody,
  PricingPlan: parsePricingPlanBody,
  Team: parseTeamBody,
  Admin: parseAdminBody,
};

const GENERATORS: Record<KindName, fc.Arbitrary<{ mutations: Mutation[]; input: unknown }>> = {
  Location: mutated(validLocation(PLAN_ID), "location"),
  Charger: mutated(validCharger(LOCATION_ID, PLAN_ID), "charger"),
  PricingPlan: mutated(validPricingPlan(), "pricingPlan"),
  Team: mutated(validTeam(), "team"),
  Admin: mutated(validAdmin(), "admin"),
};

/** A case where `check` is stricter than the API on purpose; listed in the README with its reason. */
export interface Deliberate {
  /** What the README calls it. */
  name: string;
  /** True when this failure of `check` is the deliberate strictness. */
  covers(failure: CheckFailure, input: Record<string, unknown>): boolean;
}

/** Every case where `check` refuses what the API takes, on purpose. Keep in step with the README. */
export const DELIBERATE: Deliberate[] = [];

export type Outcome =
  | "agree-accept"
  | "agree-refuse"
  | "crash"
  | "price-changed"
  | "check-passes-api-refuses"
  | "check-refuses-api-takes"
  | "deliberate-strictness";

export interface CaseResult {
  kind: KindName;
  outcome: Outcome;
  input: unknown;
  detail: string;
  /** Failures of `check` whose reason is not words a person reads (zod internals). */
  unreadable: CheckFailure[];
  /** Where the disagreement is, for grouping: the field named by the failing side. */
  where: string;
}

const DECIMAL_FIELDS = new Set(["discountPercent", "price", "vat", "exclVat", "inclVat", "minKwh", "maxKwh", "minPowerKw", "maxPowerKw", "freeKwh", "slotFee", "sameDaySlotFee", "blockingFeePerHour"]);

/** The value of a decimal as canonical plain text (`"0.3900"` and `0.39` → `"0.39"`), or undefined when it is no plain decimal. */
function exactValue(value: unknown): string | undefined {
  const text = typeof value === "number" && Number.isFinite(value) ? numberToPlainText(value) : value;
  if (typeof text !== "string") return undefined;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const whole = m[2].replace(/^0+(?=\d)/, "");
  const fraction = (m[3] ?? "").replace(/0+$/, "");
  const zero = /^0*$/.test(whole + fraction);
  return `${zero ? "" : m[1]}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** Every decimal whose value differs between what the program wrote and what `check` returned. */
function changedDecimals(raw: unknown, out: unknown, path = ""): string[] {
  if (Array.isArray(raw) && Array.isArray(out)) return raw.flatMap((item, i) => changedDecimals(item, out[i], `${path}[${i}]`));
  if (raw && out && typeof raw === "object" && typeof out === "object") {
    return Object.entries(raw).flatMap(([key, value]) => {
      const at = path ? `${path}.${key}` : key;
      const after = (out as Record<string, unknown>)[key];
      if (DECIMAL_FIELDS.has(key) && (typeof value === "string" || typeof value === "number")) {
        const before = exactValue(value);
        return before !== undefined && before === exactValue(after) ? [] : [`${at}: ${JSON.stringify(value)} → ${JSON.stringify(after)}`];
      }
      return changedDecimals(value, after, at);
    });
  }
  return [];
}

/**
 * The input as the API would read what the program means: a decimal written
 * as a JavaScript number is sent as its exact text (`0.39` → `"0.39"`,
 * `1.23456` → `"1.23456"`), because the API takes decimals only as strings.
 * Nothing else changes, so a refusal of this is the API's own.
 */
function asWritten(value: unknown, key = ""): unknown {
  if (DECIMAL_FIELDS.has(key) && typeof value === "number" && Number.isFinite(value)) return numberToPlainText(value);
  if (Array.isArray(value)) return value.map((item) => asWritten(item, key));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asWritten(v, k)]));
  return value;
}

/** A reason a person reads: words, not zod's internals. */
function unreadable(failure: CheckFailure): boolean {
  return (
    typeof failure.property !== "string" ||
    failure.property === "" ||
    typeof failure.reason !== "string" ||
    failure.reason.length < 5 ||
    /^Invalid input$|received|expected|Unrecognized|NaN|\bundefined\b|\[object/.test(failure.reason)
  );
}

/** The API's answer to a body sent as JSON: undefined when accepted, else its message and field. */
function apiRefusal(kind: KindName, body: unknown): { message: string; field: string } | undefined {
  const json: unknown = JSON.parse(JSON.stringify(body) ?? "null");
  if (json === null || typeof json !== "object" || Array.isArray(json)) return { message: "body is not an object", field: "" };
  try {
    API[kind](json as Record<string, unknown>);
    return undefined;
  } catch (error) {
    const field = error !== null && typeof error === "object" && "field" in error ? String(error.field) : "";
    return { message: error instanceof Error ? error.message : String(error), field };
  }
}

const providers = Object.fromEntries((Object.keys(kinds) as KindName[]).map((k) => [k, providerOf(kinds[k])]));

/** The generic provider of a kind, typed as the generic code sees every kind. */
function providerOf(kind: AnyKind): GenericProvider {
  return new GenericProvider(kind);
}

/** Runs one input through both sides and names the outcome. */
export async function runCase(kind: KindName, input: Record<string, unknown>): Promise<CaseResult> {
  let unreadableFailures: CheckFailure[] = [];
  const result = (outcome: Outcome, detail = "", where = ""): CaseResult => ({ kind, outcome, input, detail, unreadable: unreadableFailures, where: where.replace(/\[\d+\]/g, "[]") });
  let checked: { inputs?: Record<string, unknown>; failures?: CheckFailure[] };
  try {
    checked = await providers[kind].check({}, input);
  } catch (error) {
    return result("crash", error instanceof Error ? error.message : String(error));
  }
  const failures = checked.failures ?? [];
  unreadableFailures = failures.filter(unreadable);
  if (failures.length === 0) {
    const outputs = checked.inputs ?? {};
    const changed = changedDecimals(input, outputs);
    if (changed.length > 0) return result("price-changed", changed.join("; "), changed[0].split(":")[0]);
    const refusal = apiRefusal(kind, outputs);
    return refusal === undefined ? result("agree-accept") : result("check-passes-api-refuses", refusal.message, refusal.field);
  }
  if (apiRefusal(kind, asWritten(input)) !== undefined) return result("agree-refuse");
  const detail = failures.map((f) => `${f.property}: ${f.reason}`).join("; ");
  const where = failures.map((f) => f.property).join(",");
  return failures.every((f) => DELIBERATE.some((d) => d.covers(f, input))) ? result("deliberate-strictness", detail, where) : result("check-refuses-api-takes", detail, where);
}

export interface DifferentialReport {
  runs: number;
  seed: number;
  counts: Record<Outcome, number>;
  /** Cases where a failure of `check` had a reason in zod's words rather than a person's. */
  unreadable: number;
  /** Disagreements grouped by outcome and field, with their count. */
  groups: Record<string, number>;
  /** The first few cases of each disagreement, for the message. */
  examples: CaseResult[];
}

/** The disagreements: every outcome but the two agreements and the listed strictness. */
export const DISAGREEMENTS: readonly Outcome[] = ["crash", "price-changed", "check-passes-api-refuses", "check-refuses-api-takes"];

/** Runs `runs` cases per kind from `seed` and counts the outcomes. */
export async function runDifferential(options: { runs: number; seed: number; examplesPerOutcome?: number }): Promise<DifferentialReport> {
  const counts = Object.fromEntries(["agree-accept", "agree-refuse", "deliberate-strictness", ...DISAGREEMENTS].map((o) => [o, 0])) as Record<Outcome, number>;
  const examples: CaseResult[] = [];
  const groups: Record<string, number> = {};
  let unreadableCases = 0;
  const kindNames = Object.keys(GENERATORS) as KindName[];
  const cases = fc.sample(fc.tuple(fc.constantFrom(...kindNames), fc.constant(0)).chain(([k]) => GENERATORS[k].map((c) => ({ kind: k, ...c }))), { numRuns: options.runs, seed: options.seed });
  for (const c of cases) {
    const r = await runCase(c.kind, c.input as Record<string, unknown>);
    counts[r.outcome]++;
    if (r.unreadable.length > 0) {
      unreadableCases++;
      const key = `unreadable ${r.unreadable[0].reason.replace(/\d+/g, "N").slice(0, 60)}`;
      groups[key] = (groups[key] ?? 0) + 1;
    }
    if (DISAGREEMENTS.includes(r.outcome)) groups[`${r.outcome} ${r.kind}.${r.where}`] = (groups[`${r.outcome} ${r.kind}.${r.where}`] ?? 0) + 1;
    if (DISAGREEMENTS.includes(r.outcome) && examples.filter((e) => e.outcome === r.outcome).length < (options.examplesPerOutcome ?? 3)) examples.push(r);
  }
  return { runs: options.runs, seed: options.seed, counts, unreadable: unreadableCases, groups, examples };
}

/** The report as lines a person reads. */
export function formatReport(report: DifferentialReport): string {
  const lines = [`differential: ${report.runs} cases, seed ${report.seed}`];
  for (const [outcome, n] of Object.entries(report.counts)) lines.push(`  ${outcome.padEnd(26)} ${n}`);
  lines.push(`  ${"unreadable reasons".padEnd(26)} ${report.unreadable}`);
  for (const [group, n] of Object.entries(report.groups).sort((a, b) => b[1] - a[1])) lines.push(`    ${String(n).padStart(5)}  ${group}`);
  for (const e of report.examples) lines.push(`  ${e.outcome} (${e.kind}): ${e.detail.slice(0, 300)}\n    input: ${JSON.stringify(e.input)?.slice(0, 400)}`);
  return lines.join("\n");
}
