import { describe, expect, it } from "vitest";
import { escapeCell, markdownTable } from "../../provider/markdown/table";

describe("markdownTable", () => {
  it("renders a header, a rule and escaped rows", () => {
    expect(markdownTable(["a", "b"], [["x|y", "line\nbreak"], ["back\\slash", ""]])).toBe(
      ["| a | b |", "|---|---|", "| x\\|y | line break |", "| back\\\\slash |  |"].join("\n"),
    );
  });

  it("pads and aligns columns when asked (readable as plain text)", () => {
    expect(markdownTable(["name", "n"], [["ab", "1234"]], { pad: true, align: ["left", "right"] })).toBe(
      ["| name |    n |", "|:-----|-----:|", "| ab   | 1234 |"].join("\n"),
    );
  });

  it("escapes what would end a cell", () => {
    expect(escapeCell("a|b\r\nc\\")).toBe("a\\|b c\\\\");
  });
});
