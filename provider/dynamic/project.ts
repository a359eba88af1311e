import type { z } from "zod";

type AnyDef = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType };

function defOf(schema: z.ZodType): AnyDef {
  return (schema as unknown as { _zod: { def: AnyDef } })._zod.def;
}

/** The schema under `optional`, `nullable`, `default` and transform wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if ((def.type === "optional" || def.type === "nullable" || def.type === "default" || def.type === "prefault") && def.innerType) {
      current = def.innerType;
    } else if (def.type === "pipe" && def.in) {
      current = def.in;
    } else {
      return current;
    }
  }
}

/** The field schemas of an object schema. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = defOf(unwrap(schema));
  if (def.type !== "object" || !def.shape) throw new TypeError("not an object schema");
  return def.shape;
}

/**
 * Keeps only what the schema declares, recursively, and drops `null`s: turns an
 * API object (with server fields such as a connector's `status`) into the
 * shape a program writes, ready to be normalised by the same schema.
 */
export function project(schema: z.ZodType, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  const def = defOf(unwrap(schema));
  if (def.type === "object" && def.shape && typeof value === "object" && !Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(def.shape)) {
      const projected = project(field, (value as Record<string, unknown>)[key]);
      if (projected !== undefined) out[key] = projected;
    }
    return out;
  }
  if (def.type === "array" && def.element && Array.isArray(value)) {
    return value.map((item) => project(def.element as z.ZodType, item));
  }
  return value;
}
