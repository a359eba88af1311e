/**
 * The pricing review of a `pulumi preview --json`: parse the preview, compute
 * what changes for pricing, render Markdown. Used by `eosvolt-pricing-report`.
 */
export { parsePreview, parsePreviewText, PreviewFormatError, type Preview, type ResourceChange } from "./preview";
export { reviewPricing, type PricingReview, type PlanReview, type ReviewOptions, type Warning } from "./review";
export { coverageGaps } from "./coverage";
export { renderMarkdown, summaryText, warningText, type RenderOptions } from "./render";

import { reviewPricing, type ReviewOptions } from "./review";
import { parsePreviewText } from "./preview";
import { renderMarkdown, type RenderOptions } from "./render";

/** The Markdown review and the warnings of the text `pulumi preview --json` printed. */
export function pricingReport(previewJson: string, options: ReviewOptions & RenderOptions = {}) {
  const review = reviewPricing(parsePreviewText(previewJson), options);
  return { markdown: renderMarkdown(review, options), review };
}
