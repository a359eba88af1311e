import type { PlanReview } from "./model";
export interface ChartOptions {}
export function renderWeekCharts(_plan: PlanReview, _options: ChartOptions): string[] {
  return [];
}
