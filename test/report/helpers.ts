import { readFileSync } from "node:fs";
import { join } from "node:path";
import { reviewPricing, type ReviewOptions } from "../../provider/report/review";
import { parsePreview } from "../../provider/report/preview";
import { renderMarkdown, summaryText, warningText, type RenderOptions } from "../../provider/report/render";

/** A real `pulumi preview --json --show-sames` of examples/pricing, saved by test/engine/report.test.ts. */
export function fixture(name: string): any {
  return JSON.parse(readFileSync(join(__dirname, "fixtures", `${name}.json`), "utf8"));
}

export function fixtureText(name: string): string {
  return readFileSync(join(__dirname, "fixtures", name), "utf8");
}

export function review(doc: unknown, options?: ReviewOptions) {
  return reviewPricing(parsePreview(doc), options);
}

export function markdown(doc: unknown, options?: ReviewOptions & RenderOptions): string {
  return renderMarkdown(review(doc, options), options);
}

/** The review's first line and its warnings, in words. */
export function summary(doc: unknown, options?: ReviewOptions): { summary: string; warnings: string[] } {
  const r = review(doc, options);
  return { summary: summaryText(r), warnings: r.warnings.map(warningText) };
}

/** The step of the resource named `name` (the end of its URN). */
export function step(doc: any, name: string, op?: string): any {
  const found = doc.steps.find((s: any) => s.urn.endsWith(`::${name}`) && (!op || s.op === op));
  if (!found) throw new Error(`no step ${name} ${op ?? ""}`);
  return found;
}

export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const secret = (value: string) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });
