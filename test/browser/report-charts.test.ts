/**
 * The pricing report's charts rendered by Mermaid in headless Chromium, as
 * GitHub renders them in a pull-request comment: every chart of the report on
 * the examples/pricing previews must render (no syntax error, lines drawn),
 * and the values plotted are the prices that apply at that time of the week,
 * read from the data Mermaid parsed and from the drawn SVG.
 *
 * It runs on every Chromium of ./chromium.ts `browsersToTest`: the machine's
 * (EOSVOLT_CHROMIUM or Debian's) and always the one `npm ci` brings.
 *
 * REPORT_UPDATE_PICTURE=1 also writes the README's picture:
 * docs/pricing-chart.png and the Mermaid source it came from, docs/pricing-chart.mmd.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, markdown, step } from "../report/helpers";
import { mermaidBlocks, parseChart, pointIndex } from "../report/mermaid";
import { browsersToTest } from "./chromium";
import { MermaidPage, valueOfPixel, type Rendered } from "./mermaid-page";

const DOCS = join(__dirname, "../../docs");

// A browser on a busy machine: generous, never a speed goal.
const BROWSER_TIMEOUT = 60_000;

const browsers = await browsersToTest();

describe.each(browsers)("the report's Mermaid charts in Chromium ($source: $executable)", { timeout: BROWSER_TIMEOUT }, (browser) => {
  let page: MermaidPage;

  beforeAll(async () => {
    page = await MermaidPage.open(browser.executable);
  }, BROWSER_TIMEOUT);

  afterAll(async () => {
    await page?.close();
  });

  /** Renders a chart and checks it is a real one: two axes, a line per series, a point per label. */
  async function renderChart(source: string): Promise<Rendered> {
    const rendered = await page.render(source);
    const { labels, lines } = parseChart(source);
    expect(rendered.plots.map((p) => p.title)).toEqual(Object.keys(lines));
    expect(rendered.paths).toHaveLength(Object.keys(lines).length);
    for (const path of rendered.paths) expect(path).toHaveLength(labels.length);
    for (const plot of rendered.plots) expect(plot.data).toHaveLength(labels.length);
    expect(rendered.yTicks.length).toBeGreaterThan(2);
    expect(rendered.texts).toEqual(expect.arrayContaining(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]));
    return rendered;
  }

  /** The value at a day and time: as Mermaid parsed it, and as drawn (read off the y axis). */
  function plotted(rendered: Rendered, series: number, day: string, time: string, points: number) {
    const i = pointIndex(day, time, (7 * 24 * 60) / points);
    return { parsed: rendered.plots[series].data[i][1], drawn: valueOfPixel(rendered.yTicks, rendered.paths[series][i][1]) };
  }

  it("a weekday price raised: Tuesday 08:00 shows the old and the new price, nights and weekends the same", async () => {
    const [source] = mermaidBlocks(markdown(fixture("update")));
    const rendered = await renderChart(source);
    const points = parseChart(source).labels.length;
    const expectations: Array<[string, string, number, number]> = [
      ["Tue", "08:00", 0.4719, 0.5324],
      ["Fri", "22:00", 0.4719, 0.5324],
      ["Tue", "06:00", 0.3509, 0.3509],
      ["Sat", "08:00", 0.4114, 0.4114],
    ];
    for (const [day, time, oldPrice, newPrice] of expectations) {
      const old = plotted(rendered, 0, day, time, points);
      const now = plotted(rendered, 1, day, time, points);
      expect(old.parsed, `old ${day} ${time}`).toBe(oldPrice);
      expect(now.parsed, `new ${day} ${time}`).toBe(newPrice);
      // Drawn within a pixel's worth of the axis (0..0.6 over about 250 px).
      expect(Math.abs(old.drawn - oldPrice), `old ${day} ${time} drawn at ${old.drawn}`).toBeLessThan(0.004);
      expect(Math.abs(now.drawn - newPrice), `new ${day} ${time} drawn at ${now.drawn}`).toBeLessThan(0.004);
    }
    expect(rendered.texts).toEqual(expect.arrayContaining(["Old", "New", "Public AC: energy, EUR per kWh incl. VAT"]));
  });

  it("every chart of a report with many changes renders", async () => {
    const blocks = mermaidBlocks(markdown(fixture("combined")));
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const source of blocks) await renderChart(source);
    // A new plan's single line: the taxi plan's energy price, any time.
    const taxi = await renderChart(blocks.find((b) => b.includes("Taxi & ride-hailing: energy"))!);
    expect(taxi.plots[0].data.every(([, v]) => v === 0.5445)).toBe(true);
  });

  it("windows on the half hour render with a point every 30 minutes", async () => {
    const doc = fixture("update");
    step(doc, "public-ac", "update").newState.inputs.elements[0].restrictions.startTime = "07:30";
    const [source] = mermaidBlocks(markdown(doc));
    const rendered = await renderChart(source);
    expect(plotted(rendered, 1, "Tue", "07:00", 336).parsed).toBe(0.3509);
    expect(plotted(rendered, 1, "Tue", "07:30", 336).parsed).toBe(0.5324);
  });

  it("fails on a Mermaid syntax error and on a chart without data", async () => {
    const [source] = mermaidBlocks(markdown(fixture("update")));
    await expect(page.render(source.replace("xychart-beta", "xychart-beta\n  line [0.1, oops]"))).rejects.toThrow();
    await expect(renderChart('xychart-beta\n  title "empty"\n  x-axis [a, b]')).rejects.toThrow();
    // Lines that draw nothing: the checks of renderChart catch it.
    const flat = source.replace(/line "(Old|New)" \[[^\]]*\]/g, 'line "$1" [0.1]');
    await expect(renderChart(flat)).rejects.toThrow();
  });

  it("the README's picture: the Public AC chart of examples/pricing, its source as committed", async () => {
    const source = mermaidBlocks(markdown(fixture("combined")))[0];
    await renderChart(source);
    if (process.env.REPORT_UPDATE_PICTURE === "1" && browser === browsers[0]) {
      await page.screenshot(join(DOCS, "pricing-chart.png"));
      writeFileSync(join(DOCS, "pricing-chart.mmd"), `${source}\n`);
    }
    expect(readFileSync(join(DOCS, "pricing-chart.mmd"), "utf8"), "docs/pricing-chart.mmd is stale: run with REPORT_UPDATE_PICTURE=1").toBe(`${source}\n`);
    expect(readFileSync(join(DOCS, "../README.md"), "utf8"), "README.md shows another chart source than docs/pricing-chart.mmd").toContain(`\`\`\`mermaid\n${source}\n\`\`\``);
    const png = join(mkdtempSync(join(tmpdir(), "pricing-chart-")), "chart.png");
    await page.screenshot(png);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
  });
});
