#!/usr/bin/env node
/**
 * eosvolt-pricing-report: a pricing review, in Markdown, of what a Pulumi
 * preview would change, for a pull-request comment.
 *
 *   pulumi preview --json --show-sames | npx eosvolt-pricing-report [--max-increase 10%] [--fail-on-warning] [--no-charts] [--chart-vat excl]
 *   npx eosvolt-pricing-report preview.json
 *
 * Exit codes: 0 the review was written; 1 warnings and --fail-on-warning; 2 bad usage or input.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { pricingReport } from "./index";
import { PreviewFormatError } from "./preview";

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
  -h, --help              this text

Use --show-sames with pulumi preview so the review can list every location
and charger using a changed plan, not only the ones that change.`;

/** "10%", "10", "12.5 %" → 10, 10, 12.5. */
export function parsePercent(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
  return m ? Number(m[1]) : undefined;
}

export function run(argv: string[], stdin: () => string): { code: number; stdout: string; stderr: string } {
  let values: { "max-increase"?: string; "fail-on-warning"?: boolean; "no-charts"?: boolean; "chart-vat"?: string; help?: boolean };
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
    return { code: failed ? 1 : 0, stdout: markdown, stderr: failed ? `${review.warnings.length} pricing warning(s).\n` : "" };
  } catch (error) {
    if (error instanceof PreviewFormatError) return { code: 2, stdout: "", stderr: `Not a pulumi preview --json document: ${error.message}\n` };
    throw error;
  }
}

if (require.main === module) {
  const result = run(process.argv.slice(2), () => readFileSync(0, "utf8"));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
