import type { EosvoltClient } from "../client";
import type { ApiObject } from "../dynamic/kind";

/** The objects of an account (or a part of it) that a generated program adopts. */
export interface Account {
  pricingPlans: ApiObject[];
  locations: ApiObject[];
  chargers: ApiObject[];
}

export interface AccountSelection {
  /** Only these locations, with their chargers and the plans they use. */
  locations?: string[];
  /** Only these pricing plans (plus those of the selected locations). */
  pricingPlans?: string[];
}

type Progress = (line: string) => void;

async function all(iterable: AsyncIterable<unknown>): Promise<ApiObject[]> {
  const out: ApiObject[] = [];
  for await (const item of iterable) out.push(item as ApiObject);
  return out;
}

/** Plans referenced by locations, chargers and connectors. */
function referencedPlans(objects: ApiObject[]): Set<string> {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (k === "pricingPlanId" && typeof v === "string") ids.add(v);
        else visit(v);
      }
    }
  };
  objects.forEach(visit);
  return ids;
}

/**
 * Reads the account through the list endpoints (pages of 100, under the
 * client's rate limiter). With a selection, reads those locations with their
 * chargers and every pricing plan they reference, so references resolve.
 */
export async function readAccount(client: EosvoltClient, selection: AccountSelection = {}, progress: Progress = () => {}): Promise<Account> {
  const whole = !selection.locations?.length && !selection.pricingPlans?.length;
  let account: Account;
  if (whole) {
    account = {
      pricingPlans: await all(client.pricingPlans.list({ sort: "createdAt" } as never)),
      locations: await all(client.locations.list({ sort: "createdAt" } as never)),
      chargers: await all(client.chargers.list({ sort: "createdAt" } as never)),
    };
  } else {
    const locations: ApiObject[] = [];
    const chargers: ApiObject[] = [];
    for (const id of selection.locations ?? []) {
      locations.push((await client.locations.get(id)) as ApiObject);
      chargers.push(...(await all(client.chargers.list({ locationId: id, sort: "createdAt" } as never))));
      progress(`read location ${id} and its chargers`);
    }
    const planIds = new Set([...(selection.pricingPlans ?? []), ...referencedPlans([...locations, ...chargers])]);
    const pricingPlans: ApiObject[] = [];
    for (const id of planIds) pricingPlans.push((await client.pricingPlans.get(id)) as ApiObject);
    account = { pricingPlans, locations, chargers };
  }
  progress(
    `read ${account.pricingPlans.length} pricing plans, ${account.locations.length} locations, ${account.chargers.length} chargers`,
  );
  return account;
}
