/**
 * Reading a kind's zod schemas as data: the object under its wrappers, its
 * field schemas, and the projection of an API object onto what a program
 * writes. Used by the dynamic provider, the reference and `eosvolt-import`.
 */
import { z } from "zod";
import { REFERS_TO } from "../schemas/common";

/** The schema under `optional`, `nullable`, `default`, `prefault` and transform (`pipe`) wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    const wrapped =
      current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault || current instanceof z.ZodPrefault
        ? current.unwrap()
        : current instanceof z.ZodPipe
          ? current.in
          : undefined;
    if (!(wrapped instanceof z.ZodType)) return current;
    current = wrapped;
  }
}

/** The field schemas of an object schema. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const object = unwrap(schema);
  if (!(object instanceof z.ZodObject)) throw new TypeError("not an object schema");
  return object.shape;
}

/** The element schema of an array schema (under its wrappers), or undefined. */
export function elementOf(schema: z.ZodType): z.ZodType | undefined {
  const array = unwrap(schema);
  return array instanceof z.ZodArray && array.element instanceof z.ZodType ? array.element : undefined;
}

/**
 * Keeps only what the schema declares, recursively, and drops `null`s: turns an
 * API object (with server fields such as a connector's `status`) into the
 * shape a program writes, ready to be normalised by the same schema.
 */
export function project(schema: z.ZodType, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && typeof value === "object" && !Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shapeOf(inner))) {
      const projected = project(field, Reflect.get(value, key));
      if (projected !== undefined) out[key] = projected;
    }
    return out;
  }
  const element = elementOf(inner);
  if (element && Array.isArray(value)) return value.map((item) => project(element, item));
  return value;
}

/**
 * The fields of an object schema that hold ids of other kinds, at any depth, by
 * field name: `{ pricingPlanId: "PricingPlan", locationId: "Location" }` (from
 * the `refersTo` metadata of `objectId(kind)`; an array of ids counts as well).
 */
export function referencesOf(schema: z.ZodType, into: Record<string, string> = {}): Record<string, string> {
  for (const [field, fieldSchema] of Object.entries(shapeOf(schema))) {
    let inner = unwrap(fieldSchema);
    for (let element = elementOf(inner); element; element = elementOf(inner)) inner = unwrap(element);
    const target = inner.meta()?.[REFERS_TO];
    if (typeof target === "string") into[field] = target;
    else if (inner instanceof z.ZodObject) referencesOf(inner, into);
  }
  return into;
}

/** {@link project} of an object schema: always a record. */
export function projectObject(schema: z.ZodType, value: object): Record<string, unknown> {
  const projected = project(schema, value);
  return projected !== null && typeof projected === "object" && !Array.isArray(projected) ? { ...projected } : {};
}
