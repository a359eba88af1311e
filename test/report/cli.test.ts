import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePercent, run } from "../../provider/report/cli";
import { fixtureText } from "./helpers";

const update = fixtureText("update.json");

describe("eosvolt-pricing-report", async () => {
  it("reads stdin and writes Markdown, exit 0 even with warnings", async () => {
    const r = await run([], () => update);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Pricing changes: 1 plan updated/);
  });

  it("--fail-on-warning exits 1 when there are warnings, 0 when not", async () => {
    expect((await run(["--fail-on-warning"], () => update)).code).toBe(1);
    expect((await run(["--fail-on-warning", "--max-increase", "13%"], () => update)).code).toBe(0);
    expect(await run(["--fail-on-warning"], () => fixtureText("no-change.json"))).toEqual({ code: 0, stdout: "No pricing changes.\n", stderr: "" });
  });

  it("charts each changed plan's week unless --no-charts; --chart-vat picks the prices", async () => {
    expect((await run([], () => update)).stdout).toContain("```mermaid");
    expect((await run(["--no-charts"], () => update)).stdout).not.toContain("```mermaid");
    expect((await run(["--chart-vat", "excl"], () => update)).stdout).toContain('title "Public AC: energy, EUR per kWh excl. VAT"');
    expect(await run(["--chart-vat", "gross"], () => update)).toMatchObject({ code: 2, stderr: expect.stringContaining("--chart-vat must be incl or excl") });
  });

  it("reads a file argument", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pricing-report-"));
    writeFileSync(join(dir, "preview.json"), update);
    expect((await run([join(dir, "preview.json")], () => "")).stdout).toMatch(/^Pricing changes/);
    expect((await run([join(dir, "missing.json")], () => "")).code).toBe(2);
  });

  it("exits 2 on input that is not a preview, and on bad flags", async () => {
    expect((await run([], () => "not json")).code).toBe(2);
    expect((await run([], () => "")).code).toBe(2);
    expect((await run([], () => '{"foo": 1}')).code).toBe(2);
    expect((await run(["--max-increase", "ten"], () => update)).code).toBe(2);
    expect((await run(["--nope"], () => update)).code).toBe(2);
  });

  it("tolerates text printed before the JSON document", async () => {
    expect((await run([], () => `warning: something\n${update}`)).stdout).toMatch(/^Pricing changes/);
  });

  it("parses percentages", async () => {
    expect(parsePercent("10%")).toBe(10);
    expect(parsePercent("12.5")).toBe(12.5);
    expect(parsePercent("-3")).toBeUndefined();
  });
});
