/**
 * Creates whose answer is lost (the emulator commits the write, then drops the
 * connection), through the generic provider and the real client against the
 * emulator. The fault PRNG is seeded so that exactly the first write is dropped.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mulberry32 } from "../../emulator/faults";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { EosvoltClient } from "../../provider/client";
import { apiAccess } from "../../provider/core/client-registry";
import { GenericProvider } from "../../provider/dynamic/provider";
import { kinds } from "../../provider/kinds";
import type { AnyKind } from "../../provider/kinds/kind";
import { chargerArgs, locationArgs } from "../resources/fixtures";
import { idOf } from "../narrow";

/** A seed whose first draw drops (< p) and whose next `clean` draws do not. */
function seedDroppingFirst(p: number, clean = 4): number {
  for (let seed = 1; ; seed++) {
    const r = mulberry32(seed);
    if (r() < p && Array.from({ length: clean }, r).every((x) => x >= p)) return seed;
  }
}

let emulator: RunningEmulator;
let client: EosvoltClient;
const provider = (name: keyof typeof kinds) => {
  const kind: AnyKind = kinds[name];
  return new GenericProvider(kind).useApi(apiAccess(client));
};
const posts = () => emulator.requests().filter((r) => r.method === "POST");

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, rateLimit: 0 });
});
afterAll(async () => {
  await client?.close();
  await emulator.close();
});
beforeEach(async () => {
  emulator.reset();
  await client?.close();
  client = new EosvoltClient({ token: "dev-token", baseUrl: emulator.url, rateLimit: false });
});

async function location(): Promise<string> {
  return (await provider("Location").create(locationArgs())).id;
}

describe("a create whose answer is lost", { timeout: 300_000 }, () => {
  it("is recovered through its idempotency key: one object, the retry replayed", async () => {
    emulator.setFaults({ dropResponse: 0.5, seed: seedDroppingFirst(0.5) });
    const { id } = await provider("Location").create(locationArgs());
    expect(emulator.state().locations.map(idOf)).toEqual([id]);
    const [first, retry] = posts();
    expect(first).toMatchObject({ fault: "dropResponse", status: 201 });
    expect(retry).toMatchObject({ fault: null, status: 201, replayed: true, idempotencyKey: first.idempotencyKey });
  });

  it("without idempotency (API ignores the key): a charger is recovered by ocppIdentity after 409 duplicate_ocpp_identity", async () => {
    const locationId = await location();
    emulator.clearRequests();
    emulator.setFaults({ dropResponse: 0.5, seed: seedDroppingFirst(0.5), idempotency: false });
    const { id, outs } = await provider("Charger").create({ ...chargerArgs(locationId), authorizationKey: "0123456789abcdef0123" });
    expect(emulator.state().chargers.map(idOf)).toEqual([id]);
    expect(posts().map((r) => [r.status, r.fault])).toEqual([[201, "dropResponse"], [409, null]]);
    expect(outs).toMatchObject({ id, ocppIdentity: "HQ-AC-01" });
    expect(typeof outs.authorizationKeyFingerprint).toBe("string");
  });

  it("without idempotency: a charger that exists with other fields is not taken; the error says what exists and how to adopt it", async () => {
    const locationId = await location();
    await client.chargers.create({ ...chargerArgs(locationId), maxPowerW: 11000, name: "By hand" } as never);
    emulator.setFaults({ idempotency: false });
    const existing = emulator.state().chargers[0];
    const error = await provider("Charger").create(chargerArgs(locationId)).then(() => undefined, (e: Error) => e);
    expect(error?.message).toBe(
      `creating charger: a charger with ocppIdentity "HQ-AC-01" already exists (id ${existing.id}, at location ${locationId}) ` +
        `and differs from the program in name, maxPowerW. To manage it with this program, add \`adoptId: "${existing.id}"\` ` +
        `(or \`adoptExisting: true\`) to its arguments (adopting sets name, maxPowerW to the program's values); ` +
        `or choose another ocppIdentity. (API code duplicate_ocpp_identity)`,
    );
    expect(emulator.state().chargers).toHaveLength(1);
  });

  it("a lost DELETE answer: the retry's 404 means done", async () => {
    const id = await location();
    emulator.clearRequests();
    emulator.setFaults({ dropResponse: 0.5, seed: seedDroppingFirst(0.5) });
    await provider("Location").delete(id);
    expect(emulator.requests().map((r) => [r.method, r.status, r.fault])).toEqual([["DELETE", 204, "dropResponse"], ["DELETE", 404, null]]);
    expect(emulator.state().locations).toEqual([]);
  });
});
