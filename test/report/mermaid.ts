/**
 * Reads the Mermaid charts of a pricing report back, as a reviewer's eye
 * would: which chart, its point labels and the values of each line.
 */
export interface ParsedChart {
  source: string;
  title: string;
  labels: string[];
  lines: Record<string, string[]>;
}

/** The Mermaid blocks of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]);
}

export function parseChart(source: string): ParsedChart {
  const title = /^\s*title "([^"]*)"$/m.exec(source)?.[1] ?? "";
  const axis = /^\s*x-axis "[^"]*" \[(.*)\]$/m.exec(source)?.[1] ?? "";
  const labels = [...axis.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  const lines: Record<string, string[]> = {};
  for (const m of source.matchAll(/^\s*line "([^"]*)" \[(.*)\]$/gm)) lines[m[1]] = m[2].split(", ");
  return { source, title, labels, lines };
}

export function charts(markdown: string): ParsedChart[] {
  return mermaidBlocks(markdown).map(parseChart);
}

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** The index of the point at a day and time ("Tue", "08:00"), for points `step` minutes apart. */
export function pointIndex(day: string, time: string, step = 60): number {
  const [h, m] = time.split(":").map(Number);
  return (DAYS.indexOf(day) * 24 * 60 + h * 60 + m) / step;
}

/** The value a line of the chart shows at a day and time. */
export function valueAt(chart: ParsedChart, line: string, day: string, time: string): string {
  const step = (7 * 24 * 60) / chart.labels.length;
  return chart.lines[line][pointIndex(day, time, step)];
}

/** The Markdown without the charts: each `<details>` chart and each line standing for one. */
export function withoutCharts(markdown: string): string {
  return markdown.replace(/\n\n<details><summary>Chart: [\s\S]*?<\/details>/g, "").replace(/\n\n\*[A-Z][a-z ]+ over the week: [^\n]*\*/g, "");
}
