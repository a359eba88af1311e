/**
 * The charts of each plan's week in the pricing report: the values plotted at
 * each hour are the prices that apply then, exact, old against new.
 * (test/browser/ renders them in Chromium.)
 */
import { describe, expect, it } from "vitest";
import { charts, valueAt, withoutCharts } from "./mermaid";
import { fixture, fixtureText, markdown, step } from "./helpers";

const publicAc = (md: string) => charts(md).find((c) => c.title === "Public AC: energy, EUR per kWh incl. VAT")!;

describe("the week's prices as a chart", () => {
  it("a weekday price raised: old and new at the hours it applies, the same elsewhere", () => {
    const md = markdown(fixture("update"));
    const chart = publicAc(md);
    expect(chart.labels).toHaveLength(168);
    expect(chart.labels.filter((l) => l.trim() !== "" && /\w/.test(l))).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
    expect(new Set(chart.labels).size).toBe(168); // Mermaid needs distinct categories
    expect(valueAt(chart, "Old", "Tue", "08:00")).toBe("0.4719");
    expect(valueAt(chart, "New", "Tue", "08:00")).toBe("0.5324");
    expect(valueAt(chart, "New", "Fri", "22:00")).toBe("0.5324");
    expect(valueAt(chart, "New", "Fri", "23:00")).toBe("0.3509"); // nights: the fallback window
    expect(valueAt(chart, "Old", "Tue", "06:00")).toBe("0.3509");
    expect(valueAt(chart, "New", "Tue", "06:00")).toBe("0.3509");
    expect(valueAt(chart, "New", "Sat", "08:00")).toBe("0.4114");
    expect(chart.source).toContain('y-axis "EUR per kWh incl. VAT" 0 --> 0.6');
    expect(md).toContain("<details><summary>Chart: energy over the week, old and new (EUR per kWh incl. VAT)</summary>");
    expect(md).toContain("Grey: old, blue: new.");
    // The idle fee did not change: a line, no chart.
    expect(md).toContain("*Idle fee over the week: the same at every hour as before.*");
    expect(charts(md)).toHaveLength(1);
  });

  it("--chart-vat excl charts the prices excluding VAT", () => {
    const chart = charts(markdown(fixture("update"), { chartVat: "excl" }))[0];
    expect(chart.title).toBe("Public AC: energy, EUR per kWh excl. VAT");
    expect(valueAt(chart, "Old", "Tue", "08:00")).toBe("0.39");
    expect(valueAt(chart, "New", "Tue", "08:00")).toBe("0.44");
  });

  it("plots the exact amount incl. VAT, which the table rounds to four decimals", () => {
    const doc = fixture("update");
    const weekday = step(doc, "public-ac", "update").newState.inputs.elements[0].priceComponents[0];
    weekday.price = "0.3333";
    weekday.vat = "9";
    const md = markdown(doc);
    expect(md).toContain("EUR 0.3633 (was EUR 0.4719)");
    expect(valueAt(publicAc(md), "New", "Wed", "12:00")).toBe("0.363297");
  });

  it("the charts are extra: without them the report is the one it was", () => {
    const md = markdown(fixture("combined"));
    expect(md).toBe(fixtureText("combined.md"));
    expect(markdown(fixture("combined"), { charts: false })).toBe(withoutCharts(md));
    expect(markdown(fixture("combined"), { charts: false })).not.toMatch(/mermaid|over the week/);
    // Updated, replaced (another currency: the new plan only) and new plans are charted.
    expect(charts(md).map((c) => [c.title, Object.keys(c.lines)])).toEqual([
      ["Public AC: energy, EUR per kWh incl. VAT", ["Old", "New"]],
      ["Highway DC fast: energy, USD per kWh incl. VAT", ["New"]],
      ["Highway DC fast: idle fee, USD per hour parked incl. VAT", ["New"]],
      ["Taxi & ride-hailing: energy, EUR per kWh incl. VAT", ["New"]],
      ["Taxi & ride-hailing: idle fee, EUR per hour parked incl. VAT", ["New"]],
    ]);
    expect(md).toContain("The new plan only: prices in another currency are not compared.");
    expect(md).toContain("Charted for the case the table names (after 30 min parked)");
  });

  it("a plan that depends on more than the time of week: charted for the case the table names, with a note", () => {
    const doc = fixture("update");
    step(doc, "public-ac", "update").newState.inputs.elements[0].restrictions.minPowerKw = "50";
    const md = markdown(doc);
    expect(md).toContain("| Mon–Fri 07:00–23:00, when charging at 50 kW or more (was Mon–Fri 07:00–23:00) | Energy, per kWh |");
    expect(md).toContain("Charted for the case the table names (when charging at 50 kW or more): sessions that do not meet it pay another price or none.");
    expect(valueAt(publicAc(md), "New", "Tue", "08:00")).toBe("0.5324");
  });

  it("windows on the half hour: a point every 30 minutes", () => {
    const doc = fixture("update");
    step(doc, "public-ac", "update").newState.inputs.elements[0].restrictions.startTime = "07:30";
    const chart = publicAc(markdown(doc));
    expect(chart.labels).toHaveLength(336);
    expect(valueAt(chart, "New", "Tue", "07:00")).toBe("0.3509");
    expect(valueAt(chart, "New", "Tue", "07:30")).toBe("0.5324");
    expect(valueAt(chart, "Old", "Tue", "07:00")).toBe("0.4719");
  });

  it("hours without a price are charted at 0 and said so", () => {
    const doc = fixture("update");
    step(doc, "public-ac", "update").newState.inputs.elements.splice(2, 1); // no night price
    const md = markdown(doc);
    expect(valueAt(publicAc(md), "New", "Tue", "03:00")).toBe("0");
    expect(valueAt(publicAc(md), "Old", "Tue", "03:00")).toBe("0.3509");
    expect(md).toContain("Times without an energy price are charted at 0.");
  });

  it("a price known only after apply is not charted, and the report says why", () => {
    const doc = fixture("update");
    step(doc, "public-ac", "update").newState.inputs.elements[0].priceComponents[0].price = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const md = markdown(doc);
    expect(charts(md)).toEqual([]);
    expect(md).toContain("*Energy over the week: not charted, some of its prices or windows are known only after apply or secret.*");
  });

  it("a plan's name cannot break the chart out of its string or start a Mermaid directive", () => {
    const doc = fixture("update");
    step(doc, "public-ac", "update").newState.inputs.name = 'Public "AC" %%{init: {"theme": "dark"}}%%\n  line [9]';
    const [chart] = charts(markdown(doc));
    expect(chart.title).toBe("Public 'AC' %{init: {'theme': 'dark'}}%   line [9]: energy, EUR per kWh incl. VAT");
    expect(chart.source).not.toContain("%%");
    expect(Object.keys(chart.lines)).toEqual(["Old", "New"]);
  });

  it("a report with many charts stops at the limit", () => {
    const md = markdown(fixture("combined"), { maxCharts: 2 });
    expect(charts(md)).toHaveLength(2);
    expect(md).toContain("*Energy over the week: not charted, this report shows at most 2 charts.*");
  });
});
