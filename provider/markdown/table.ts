/**
 * Markdown tables: the one renderer the pricing report, the reference docs and
 * the bench's summary share. Cells are escaped so that a `|`, a backslash or a
 * line break in a value cannot break the table.
 */

/** Column alignment: `---`, `:---` or `---:`. */
export type Align = "none" | "left" | "right";

export interface TableOptions {
  /** Alignment per column; missing columns are `none`. */
  align?: readonly Align[];
  /** Pad every cell to its column's width (readable as plain text). Default false. */
  pad?: boolean;
}

/** Escapes what would break a table cell or a line. */
export function escapeCell(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A Markdown table of `header` and `rows`, every cell escaped ({@link escapeCell}). */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, options: TableOptions = {}): string {
  const cells = [header, ...rows].map((row) => row.map(escapeCell));
  const align = (i: number): Align => options.align?.[i] ?? "none";
  const widths = header.map((_, i) => (options.pad ? Math.max(...cells.map((row) => (row[i] ?? "").length)) : 3));
  const line = (row: readonly string[]) =>
    `| ${header.map((_, i) => {
      const value = row[i] ?? "";
      if (!options.pad) return value;
      return align(i) === "right" ? value.padStart(widths[i]) : value.padEnd(widths[i]);
    }).join(" | ")} |`;
  const rule = header
    .map((_, i) => {
      const a = align(i);
      const dashes = "-".repeat(options.pad ? widths[i] + (a === "none" ? 2 : 1) : 3);
      return a === "left" ? `:${dashes}` : a === "right" ? `${dashes}:` : dashes;
    })
    .join("|");
  return [line(cells[0]), `|${rule}|`, ...cells.slice(1).map(line)].join("\n");
}
