/**
 * A realistic public-charging tariff set for a Dutch charge-point operator:
 *
 *  - "Public AC": time-of-use energy prices (weekday daytime, weekends, nights)
 *    and an idle fee once a car has been plugged in for more than 2 hours in
 *    the daytime, so a full car frees the bay.
 *  - "Highway DC fast": a session fee, peak/off-peak energy and an idle fee
 *    after a 45-minute grace period, billed per 5 minutes.
 *  - "Staff & fleet": a flat energy price for company cars, with an idle fee
 *    only for cars left for more than 10 hours.
 *
 * Prices are decimal strings excluding VAT: per kWh (ENERGY), per session
 * (FLAT) or per hour (TIME, PARKING_TIME). VAT is a percentage ("21" = 21 %).
 * Elements are tried in order; the first whose restrictions match applies, so
 * each plan ends with an element without time restrictions as the fallback.
 * Times are local time of the location (its `timeZone`).
 *
 * `npx eosvolt-pricing-report` turns `pulumi preview --json` of this program
 * into a pricing review for a pull request.
 */
import * as eosvolt from "pulumi-eosvolt";

const WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"] as const;
const WEEKEND = ["SATURDAY", "SUNDAY"] as const;
const VAT_NL = "21";

/** Billing steps: Wh for energy, seconds for time-based prices. */
const PER_WH = 1;
const PER_15_MIN = 900;
const PER_5_MIN = 300;
const PER_HOUR = 3600;

// --- Public AC: time of use + daytime idle fee -----------------------------
const publicAc = new eosvolt.PricingPlan("public-ac", {
  name: "Public AC",
  currency: "EUR",
  elements: [
    // Weekday daytime, when the grid is busiest: 0.39 EUR/kWh excl. VAT (0.4719 incl.).
    {
      priceComponents: [{ type: "ENERGY", price: "0.39", vat: VAT_NL, stepSize: PER_WH }],
      restrictions: { dayOfWeek: [...WEEKDAYS], startTime: "07:00", endTime: "23:00" },
    },
    // Weekends, all day.
    {
      priceComponents: [{ type: "ENERGY", price: "0.34", vat: VAT_NL, stepSize: PER_WH }],
      restrictions: { dayOfWeek: [...WEEKEND] },
    },
    // Everything else (weekday nights 23:00-07:00): the cheapest energy.
    {
      priceComponents: [{ type: "ENERGY", price: "0.29", vat: VAT_NL, stepSize: PER_WH }],
    },
    // Idle fee: 6.00 EUR/h excl. VAT, billed per 15 minutes, once the car has been
    // plugged in for 2 hours (the grace period), only 07:00-23:00: overnight
    // parking at a public AC charger stays free.
    {
      priceComponents: [{ type: "PARKING_TIME", price: "6.00", vat: VAT_NL, stepSize: PER_15_MIN }],
      restrictions: { minDurationS: 2 * 3600, startTime: "07:00", endTime: "23:00" },
    },
  ],
  // No session costs more than 60 EUR excl. VAT, however long the car stays.
  maxPrice: { exclVat: "60.00" },
  altText: [
    { language: "en", text: "EUR 0.47/kWh weekdays 07-23, 0.41 weekends, 0.35 nights (incl. VAT). Idle fee after 2 h." },
    { language: "nl", text: "EUR 0,47/kWh werkdagen 07-23, 0,41 weekend, 0,35 nacht (incl. btw). Blokkeertarief na 2 uur." },
  ],
});

// --- Highway DC fast: session fee, peak/off-peak, short grace period ----------
const highwayDc = new eosvolt.PricingPlan("highway-dc", {
  name: "Highway DC fast",
  currency: "EUR",
  elements: [
    // Peak: weekdays 07:00-23:00. A 0.50 EUR session fee plus 0.59 EUR/kWh.
    {
      priceComponents: [
        { type: "FLAT", price: "0.50", vat: VAT_NL, stepSize: 1 },
        { type: "ENERGY", price: "0.59", vat: VAT_NL, stepSize: PER_WH },
      ],
      restrictions: { dayOfWeek: [...WEEKDAYS], startTime: "07:00", endTime: "23:00" },
    },
    // Off-peak: nights and weekends.
    {
      priceComponents: [
        { type: "FLAT", price: "0.50", vat: VAT_NL, stepSize: 1 },
        { type: "ENERGY", price: "0.49", vat: VAT_NL, stepSize: PER_WH },
      ],
    },
    // Blocking fee: a fast charger is done in 30-40 minutes, so after 45 minutes
    // plugged in every started 5 minutes costs 1.00 EUR (12.00 EUR/h) excl. VAT.
    {
      priceComponents: [{ type: "PARKING_TIME", price: "12.00", vat: VAT_NL, stepSize: PER_5_MIN }],
      restrictions: { minDurationS: 45 * 60 },
    },
  ],
  minPrice: { exclVat: "1.00" },
});

// --- Staff & fleet: cost price for company cars ---------------------------------
const staff = new eosvolt.PricingPlan("staff", {
  name: "Staff & fleet",
  currency: "EUR",
  elements: [
    { priceComponents: [{ type: "ENERGY", price: "0.25", vat: VAT_NL, stepSize: PER_WH }] },
    // Cars left for more than 10 hours (a weekend) pay 2.00 EUR/h excl. VAT, per hour.
    {
      priceComponents: [{ type: "PARKING_TIME", price: "2.00", vat: VAT_NL, stepSize: PER_HOUR }],
      restrictions: { minDurationS: 10 * 3600 },
    },
  ],
});

// --- Locations: each has a default plan for its chargers ------------------------
const cityCentre = new eosvolt.Location("city-centre", {
  name: "City Centre Garage",
  accessType: "PUBLIC",
  address: { street: "Damrak 70", city: "Amsterdam", postalCode: "1012 LM", country: "NLD" },
  coordinates: { latitude: "52.37540", longitude: "4.89580" },
  timeZone: "Europe/Amsterdam",
  parkingType: "PARKING_GARAGE",
  facilities: ["MALL", "TRAIN_STATION"],
  pricingPlanId: publicAc.id,
});

const a2Hub = new eosvolt.Location("a2-hub", {
  name: "A2 Fast Charging Hub Vinkeveen",
  accessType: "PUBLIC",
  address: { street: "Demmerik 2", city: "Vinkeveen", postalCode: "3645 EA", country: "NLD" },
  coordinates: { latitude: "52.21540", longitude: "4.93790" },
  timeZone: "Europe/Amsterdam",
  parkingType: "PARKING_LOT",
  facilities: ["CAFE", "WIFI"],
  pricingPlanId: highwayDc.id,
});

const type2Socket = {
  standard: "IEC_62196_T2",
  format: "SOCKET",
  powerType: "AC_3_PHASE",
  maxVoltage: 400,
  maxAmperage: 32,
} as const;

// Two public AC chargers at the garage: they use the location's plan (Public AC).
for (const n of [1, 2]) {
  new eosvolt.Charger(`city-ac-${n}`, {
    locationId: cityCentre.id,
    ocppIdentity: `AMS-CC-AC-0${n}`,
    name: `Garage bay ${n}`,
    ocppVersion: "OCPP201",
    maxPowerW: 22000,
    evses: [{ evseId: 1, connectors: [{ connectorId: 1, ...type2Socket }] }],
  });
}

// The staff bay at the same garage overrides the location's plan.
new eosvolt.Charger("city-staff", {
  locationId: cityCentre.id,
  ocppIdentity: "AMS-CC-STAFF-01",
  name: "Staff bay (badge only)",
  ocppVersion: "OCPP201",
  maxPowerW: 11000,
  pricingPlanId: staff.id,
  evses: [{ evseId: 1, connectors: [{ connectorId: 1, ...type2Socket, maxAmperage: 16 }] }],
});

// Fast chargers at the highway hub: CCS at the location's plan (Highway DC fast);
// the second one also has a tethered Type 2 cable (43 kW AC) charged at the AC price.
new eosvolt.Charger("a2-dc-1", {
  locationId: a2Hub.id,
  ocppIdentity: "A2-VNK-DC-01",
  name: "HPC 1",
  ocppVersion: "OCPP201",
  maxPowerW: 300000,
  evses: [
    { evseId: 1, connectors: [{ connectorId: 1, standard: "IEC_62196_T2_COMBO", format: "CABLE", powerType: "DC", maxVoltage: 920, maxAmperage: 500 }] },
  ],
});
new eosvolt.Charger("a2-dc-2", {
  locationId: a2Hub.id,
  ocppIdentity: "A2-VNK-DC-02",
  name: "HPC 2 (with AC cable)",
  ocppVersion: "OCPP201",
  maxPowerW: 150000,
  evses: [
    { evseId: 1, connectors: [{ connectorId: 1, standard: "IEC_62196_T2_COMBO", format: "CABLE", powerType: "DC", maxVoltage: 920, maxAmperage: 200 }] },
    {
      evseId: 2,
      connectors: [
        { connectorId: 1, standard: "IEC_62196_T2", format: "CABLE", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 63, pricingPlanId: publicAc.id },
      ],
    },
  ],
});

export const pricingPlanIds = { publicAc: publicAc.id, highwayDc: highwayDc.id, staff: staff.id };
export const locationIds = { cityCentre: cityCentre.id, a2Hub: a2Hub.id };
