#!/usr/bin/env node
/**
 * eosvolt-pricing-report: a pricing review, in Markdown, of what a Pulumi
 * preview would change, for a pull-request comment.
 *
 *   pulumi preview --json --show-sames | npx eosvolt-pricing-report [--max-increase 10%] [--fail-on-warning] [--no-charts] [--chart-vat excl] [--impact [--impact-days 30]]
 *   npx eosvolt-pricing-report preview.json
 *
 * Exit codes: 0 the review was written; 1 warnings and --fail-on-warning; 2 bad usage or input.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { EosvoltClient } from "../client/client";
import { EosvoltConfigError, PermissionError } from "../client/errors";
import type { ClientOptions } from "../client/options";
import { clientOptionsOf, resolveConfig } from "../config";
import { computeImpact, type ImpactReport, type ImpactUnavailable } from "./impact/compute";
import { renderImpact } from "./impact/render";
import { pricingReport, type PricingReview } from "./index";
import { parsePreviewText, PreviewFormatError } from "./preview";

const USAGE = `Usage: pulumi preview --json --show-sames | eosvolt-pricing-report [options]
       eosvolt-pricing-report [options] PREVIEW.json
Writes a Markdown pricing review of the preview to stdout.

Options:
  --max-increase PERCENT  warn when a price or a booking fee rises by more than
                          this (default 10%)
  --fail-on-warning       exit 1 when the review has warnings
  --no-charts             leave out the charts of each plan's week (Mermaid)
  --chart-vat incl|excl   the charts show prices incl. VAT, what drivers pay
                          (default), or excl. VAT
  --impact                re-price the last days' completed sessions of each
                          updated plan under the old and the new prices (reads
                          the API: EOSVOLT_TOKEN with pricing:read, sessions:read,
                          locations:read; EOSVOLT_BASE_URL / EOSVOLT_ENVIRONMENT)
  --impact-days N         the days --impact looks back (default 30, at most 366)
  -h, --help              this text

Use --show-sames with pulumi preview so the review can list every location
and charger using a changed plan, not only the ones that change.`;

/** "10%", "10", "12.5 %" → 10, 10, 12.5. */
export function parsePercent(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** What `--impact` reads with: the environment (token, base URL) and the clock. */
export interface ImpactEnvironment {
  env?: NodeJS.ProcessEnv;
  now?: number;
  /** The HTTP dispatcher (tests: a MockAgent). */
  dispatcher?: ClientOptions["dispatcher"];
}

/** Why impact could not be computed, in a sentence for the review. */
function unavailable(error: unknown): ImpactUnavailable {
  if (error instanceof EosvoltConfigError) return { unavailable: `Impact needs read access to the API: ${error.message} A read-only token (pricing:read, sessions:read, locations:read) is enough.` };
  if (error instanceof PermissionError) return { unavailable: `Impact needs read access: ${error.apiMessage} Give the token pricing:read, sessions:read and locations:read.` };
  return { unavailable: `Impact not computed: ${error instanceof Error ? error.message : String(error)}` };
}

async function impactSection(input: string, review: PricingReview, days: number, environment: ImpactEnvironment): Promise<{ text: string; failed: boolean }> {
  let client: EosvoltClient | undefined;
  let report: ImpactReport | ImpactUnavailable;
  try {
    const config = resolveConfig(() => undefined, environment.env ?? process.env);
    client = new EosvoltClient({ ...clientOptionsOf(config), ...(environment.dispatcher ? { dispatcher: environment.dispatcher } : {}) });
    report = await computeImpact(parsePreviewText(input), review.plans, client, { days, now: environment.now });
  } catch (error) {
    report = unavailable(error);
  } finally {
    await client?.close();
  }
  return { text: renderImpact(report, review.plans.map((p) => p.urn)), failed: "unavailable" in report };
}

export async function run(argv: string[], stdin: () => string, environment: ImpactEnvironment = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let values: { "max-increase"?: string; "fail-on-warning"?: boolean; "no-charts"?: boolean; "chart-vat"?: string; impact?: boolean; "impact-days"?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        "max-increase": { type: "string" },
        "fail-on-warning": { type: "boolean" },
        "no-charts": { type: "boolean" },
        "chart-vat": { type: "string" },
        impact: { type: "boolean" },
        "impact-days": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return { code: 2, stdout: "", stderr: `${(error as Error).message}\n${USAGE}\n` };
  }
  if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: "" };
  if (positionals.length > 1) return { code: 2, stdout: "", stderr: `Expected at most one file, got ${positionals.length}.\n${USAGE}\n` };
  const maxIncreasePercent = values["max-increase"] === undefined ? 10 : parsePercent(values["max-increase"]);
  if (maxIncreasePercent === undefined) {
    return { code: 2, stdout: "", stderr: `--max-increase must be a percentage like 10% (got ${JSON.stringify(values["max-increase"])}).\n` };
  }
  const chartVat = values["chart-vat"] ?? "incl";
  if (chartVat !== "incl" && chartVat !== "excl") {
    return { code: 2, stdout: "", stderr: `--chart-vat must be incl or excl (got ${JSON.stringify(chartVat)}).\n` };
  }
  const impactDays = values["impact-days"] === undefined ? 30 : /^\d+$/.test(values["impact-days"]) ? Number(values["impact-days"]) : NaN;
  if (!(impactDays >= 1 && impactDays <= 366)) {
    return { code: 2, stdout: "", stderr: `--impact-days must be a whole number of days, 1..366 (got ${JSON.stringify(values["impact-days"])}).\n` };
  }
  if (values["impact-days"] !== undefined && !values.impact) return { code: 2, stdout: "", stderr: "--impact-days goes with --impact.\n" };
  let input: string;
  const file = positionals[0];
  try {
    input = file === undefined || file === "-" ? stdin() : readFileSync(file, "utf8");
  } catch (error) {
    return { code: 2, stdout: "", stderr: `Cannot read ${file ?? "stdin"}: ${(error as Error).message}\n` };
  }
  if (input.trim() === "") return { code: 2, stdout: "", stderr: `No input: pipe \`pulumi preview --json\` into this command or name a file.\n${USAGE}\n` };
  try {
    const { markdown, review } = pricingReport(input, { maxIncreasePercent, charts: values["no-charts"] !== true, chartVat });
    const failed = values["fail-on-warning"] === true && review.warnings.length > 0;
    let stdout = markdown;
    let stderr = failed ? `${review.warnings.length} pricing warning(s).\n` : "";
    if (values.impact) {
      const impact = await impactSection(input, review, impactDays, environment);
      stdout = `${markdown.trimEnd()}\n\n${impact.text}`;
      if (impact.failed) stderr += "eosvolt-pricing-report: the revenue impact was not computed (see the review).\n";
    }
    return { code: failed ? 1 : 0, stdout, stderr };
  } catch (error) {
    if (error instanceof PreviewFormatError) return { code: 2, stdout: "", stderr: `Not a pulumi preview --json document: ${error.message}\n` };
    throw error;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2), () => readFileSync(0, "utf8")).then((result) => {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.code;
  });
}
