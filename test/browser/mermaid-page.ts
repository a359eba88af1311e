/**
 * Renders Mermaid as GitHub does, in a real browser: a headless Chromium
 * (which one: ./chromium.ts) driven by playwright-core, showing a page served
 * on localhost that loads the `mermaid` npm package.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { descendantsOf, processInfo } from "../process-guard/processes";

const MERMAID_JS = join(__dirname, "../../node_modules/mermaid/dist/mermaid.min.js");

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>pricing chart</title></head>
<body style="margin:0;background:#ffffff;font-family:sans-serif">
<div id="chart" style="width:900px;padding:8px"></div>
<script src="/mermaid.min.js"></script>
<script>mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });</script>
</body></html>`;

/** What the page made of one Mermaid source: the SVG, and the chart data Mermaid parsed. */
export interface Rendered {
  svg: string;
  /** The chart's lines as Mermaid parsed them: title, and per point [category, value]. */
  plots: Array<{ type: string; title: string; data: Array<[string, number]> }>;
  /** The polylines drawn, in pixels, per line plot. */
  paths: Array<Array<[number, number]>>;
  /** The y-axis labels drawn: their value and pixel height. */
  yTicks: Array<{ value: number; y: number }>;
  /** Every text drawn in the chart. */
  texts: string[];
}

export class MermaidPage {
  private constructor(
    private readonly server: Server,
    private readonly context: BrowserContext,
    readonly page: Page,
    private readonly profile: string,
  ) {}

  /** Opens the page in the Chromium at `executable`. */
  static async open(executable: string): Promise<MermaidPage> {
    const mermaid = readFileSync(MERMAID_JS);
    const server = createServer((req, res) => {
      if (req.url === "/mermaid.min.js") res.writeHead(200, { "content-type": "text/javascript" }).end(mermaid);
      else if (req.url === "/") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const profile = mkdtempSync(join(tmpdir(), "eosvolt-chromium-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: executable,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 920, height: 600 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => "mermaid" in window);
    if (errors.length > 0) throw new Error(`the page failed: ${errors.join("; ")}`);
    return new MermaidPage(server, context, page, profile);
  }

  /** Renders one Mermaid source into the page; throws Mermaid's own error on a syntax error. */
  async render(source: string): Promise<Rendered> {
    return this.page.evaluate(async (src) => {
      // The page's global from mermaid.min.js.
      const m = Reflect.get(globalThis, "mermaid");
      await m.parse(src); // throws on a syntax error
      const { svg } = await m.render(`chart${Date.now()}`, src);
      const host = document.getElementById("chart")!;
      host.innerHTML = svg;
      const diagram = await m.mermaidAPI.getDiagramFromText(src);
      const data = diagram.db.getXYChartData();
      const plots = data.plots.map((p: any) => ({ type: p.type, title: p.title, data: p.data }));
      const paths = [...host.querySelectorAll('g[class*="line-plot-"] path')].map((p) =>
        [...(p.getAttribute("d") ?? "").matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((c) => [Number(c[1]), Number(c[2])] as [number, number]),
      );
      const yTicks = [...host.querySelectorAll("g.left-axis g.label text")].map((t) => {
        const at = /translate\(\s*(-?[\d.]+)[ ,]+(-?[\d.]+)\s*\)/.exec(t.getAttribute("transform") ?? "");
        return { value: Number(t.textContent), y: at ? Number(at[2]) : NaN };
      });
      const texts = [...host.querySelectorAll("svg text")].map((t) => t.textContent ?? "");
      return { svg: host.innerHTML, plots, paths, yTicks, texts };
    }, source);
  }

  /** A PNG of the chart last rendered. */
  async screenshot(path: string): Promise<void> {
    await this.page.locator("#chart svg").screenshot({ path });
  }

  /**
   * Closes the browser and waits until every process it started is gone: playwright
   * waits for the browser's main process only, and its helpers may still be exiting.
   */
  async close(): Promise<void> {
    const mine = descendantsOf(process.pid);
    await this.context.close();
    const alive = () => mine.filter((pid) => { const p = processInfo(pid); return p !== undefined && p.state !== "Z"; });
    for (let waited = 0; alive().length > 0 && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    for (const pid of alive()) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // ended meanwhile
      }
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.profile, { recursive: true, force: true });
  }
}

/** The value a drawn point stands for, read off the y axis's labels (linear between the lowest and highest). */
export function valueOfPixel(yTicks: Rendered["yTicks"], y: number): number {
  const sorted = [...yTicks].sort((a, b) => a.value - b.value);
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  return lo.value + ((y - lo.y) * (hi.value - lo.value)) / (hi.y - lo.y);
}
