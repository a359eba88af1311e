/** Prints plain values as a formatted TypeScript literal, with code references kept as code. */

/** A piece of code in a value tree, printed as is (e.g. `hq.id`). */
export class Code {
  constructor(readonly text: string) {}
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

export function literal(value: unknown, indent = 0): string {
  const pad = "  ".repeat(indent + 1);
  const end = "  ".repeat(indent);
  if (value instanceof Code) return value.text;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const flat = `[${value.map((v) => literal(v, indent)).join(", ")}]`;
    if (flat.length <= 80 && !flat.includes("\n")) return flat;
    return `[\n${value.map((v) => `${pad}${literal(v, indent + 1)},`).join("\n")}\n${end}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const flat = `{ ${entries.map(([k, v]) => `${key(k)}: ${literal(v, indent)}`).join(", ")} }`;
    if (flat.length <= 80 && !flat.includes("\n")) return flat;
    return `{\n${entries.map(([k, v]) => `${pad}${key(k)}: ${literal(v, indent + 1)},`).join("\n")}\n${end}}`;
  }
  return JSON.stringify(value);
}
