/** What every policy reads first: its config over the defaults, and a plan's price components. */
import type { Props } from "./unknown";

/**
 * Reads a policy's config over its defaults (CrossGuard fills schema defaults
 * in too, but unit tests and older CLIs may not).
 */
export function policyConfig<T extends object>(args: { getConfig<C extends object>(): C }, defaults: T): T {
  let given: Partial<T> = {};
  try {
    given = args.getConfig<Partial<T>>() ?? {};
  } catch {
    given = {};
  }
  return { ...defaults, ...given };
}

/** One price component of a plan, with where it sits. */
export interface ComponentAt {
  element: Props;
  component: Props;
  /** Index of the element. */
  i: number;
  /** Index of the component in its element. */
  j: number;
  /** `elements[i].priceComponents[j]`. */
  path: string;
}

const isObject = (value: unknown): value is Props => !!value && typeof value === "object";

/** The price components of a plan (its props) with their position, skipping unknown ones. */
export function* components(plan: Props | undefined): Generator<ComponentAt> {
  const elements: unknown = plan?.elements;
  if (!Array.isArray(elements)) return;
  for (let i = 0; i < elements.length; i++) {
    const element: unknown = elements[i];
    if (!isObject(element) || !Array.isArray(element.priceComponents)) continue;
    const list: unknown[] = element.priceComponents;
    for (let j = 0; j < list.length; j++) {
      const component = list[j];
      if (!isObject(component)) continue;
      yield { element, component, i, j, path: `elements[${i}].priceComponents[${j}]` };
    }
  }
}

/** The resource name at the end of a URN. */
export function nameOfUrn(urn: string): string {
  const at = urn.lastIndexOf("::");
  return at >= 0 ? urn.slice(at + 2) : urn;
}
