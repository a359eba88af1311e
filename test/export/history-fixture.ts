/**
 * An emulator with a billed history: one plan with weekday, weekend and night energy prices
 * and an idle fee, a location in Amsterdam, chargers with AC and DC connectors, and the
 * emulator's own generated sessions (`generateHistory`) over `days` days before `UNTIL`.
 */
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { EosvoltClient } from "../../provider/client";
import type { PricingPlanFields } from "../../provider/schemas/pricing-plan";

export const TOKEN = "dev-token";
/** The history's end (exclusive): fixed, so runs agree. */
export const UNTIL = "2026-11-20T00:00:00.000Z";
export const ZONE = "Europe/Amsterdam";

export const PLAN: PricingPlanFields = {
  name: "Public AC",
  currency: "EUR",
  elements: [
    { priceComponents: [{ type: "ENERGY", price: "0.39", vat: "21", stepSize: 1 }], restrictions: { dayOfWeek: ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"], startTime: "07:00", endTime: "23:00" } },
    { priceComponents: [{ type: "ENERGY", price: "0.34", vat: "21", stepSize: 1 }], restrictions: { dayOfWeek: ["SATURDAY", "SUNDAY"] } },
    { priceComponents: [{ type: "ENERGY", price: "0.29", vat: "21", stepSize: 1 }] },
    { priceComponents: [{ type: "PARKING_TIME", price: "6.00", vat: "21", stepSize: 900 }], restrictions: { minDurationS: 7200 } },
  ],
  minPrice: { exclVat: "0.50" },
};

export interface HistoryFixture {
  emulator: RunningEmulator;
  client: EosvoltClient;
  planId: string;
  locationId: string;
  sessions: number;
  from: string;
  close(): Promise<void>;
}

/** Starts the emulator and fills it; `chargers` of two connectors each. */
export async function historyFixture(days: number, chargers = 3, options: EmulatorOptions = {}): Promise<HistoryFixture> {
  const emulator = await startEmulator({ port: 0, rateLimit: 0, ...options });
  const client = new EosvoltClient({ token: TOKEN, baseUrl: emulator.url, rateLimit: false });
  const plan = await client.pricingPlans.create(PLAN);
  const location = await client.locations.create({
    name: "City Centre Garage",
    accessType: "PUBLIC",
    address: { street: "Keizersgracht 1", city: "Amsterdam", postalCode: "1015 CJ", country: "NLD" },
    coordinates: { latitude: "52.37403", longitude: "4.88969" },
    timeZone: ZONE,
    chargingWhenClosed: true, // the API's default, written out: the client's create takes the full fields
    pricingPlanId: plan.id,
  });
  for (let i = 0; i < chargers; i += 1) {
    await client.chargers.create({
      locationId: location.id,
      ocppIdentity: `HIST-${i}`,
      ocppVersion: "OCPP201",
      maxPowerW: i % 3 === 2 ? 150_000 : 22_000,
      enabled: true, // the API's default, written out
      evses: [1, 2].map((evseId) => ({
        evseId,
        connectors: [
          i % 3 === 2
            ? { connectorId: 1, standard: "IEC_62196_T2_COMBO", format: "CABLE", powerType: "DC", maxVoltage: 920, maxAmperage: 200 }
            : { connectorId: 1, standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32 },
        ],
      })),
    });
  }
  const result = emulator.generateHistory({ days, seed: 25, until: UNTIL });
  return {
    emulator,
    client,
    planId: plan.id,
    locationId: location.id,
    sessions: result.sessions,
    from: result.from,
    close: async () => {
      await client.close();
      await emulator.close();
    },
  };
}

/** The ids of the emulator's completed sessions, as its own state holds them. */
export function completedIds(emulator: RunningEmulator): string[] {
  return emulator
    .state()
    .sessions.filter((s) => s.status === "COMPLETED")
    .map((s) => String(s.id))
    .sort();
}
