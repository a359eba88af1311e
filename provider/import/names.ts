/** Readable, unique resource names and variable names for generated programs. */

const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await eosvolt pulumi")
    .split(" "),
);

export function slug(text: string): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s || "object";
}

export function camel(slugged: string): string {
  const c = slugged.replace(/-([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase());
  const safe = /^[0-9]/.test(c) ? `_${c}` : c;
  return RESERVED.has(safe) ? `${safe}_` : safe;
}

/** Hands out names that are unique within one generated program. */
export class NameAllocator {
  private readonly used = new Set<string>();

  /** A unique slug from the preferred text, with `-2`, `-3`… when taken. */
  take(preferred: string): { name: string; variable: string } {
    const base = slug(preferred);
    let name = base;
    for (let i = 2; this.used.has(name) || this.used.has(camel(name)); i++) name = `${base}-${i}`;
    this.used.add(name);
    this.used.add(camel(name));
    return { name, variable: camel(name) };
  }
}
