/** Valid inputs of each kind, as a program writes them. */
export const planArgs = () => ({
  name: "Standard AC",
  currency: "EUR",
  elements: [
    {
      priceComponents: [{ type: "ENERGY", price: "0.39", vat: "21", stepSize: 1 }],
      restrictions: { dayOfWeek: ["SUNDAY", "MONDAY"], startTime: "07:00", endTime: "23:00" },
    },
    { priceComponents: [{ type: "ENERGY", price: "0.29", vat: "21", stepSize: 1 }] },
  ],
});

export const locationArgs = (pricingPlanId?: string) => ({
  name: "HQ garage",
  accessType: "PRIVATE",
  address: { street: "Keizersgracht 1", city: "Amsterdam", postalCode: "1015 CJ", country: "NLD" },
  coordinates: { latitude: "52.37403", longitude: "4.88969" },
  timeZone: "Europe/Amsterdam",
  facilities: ["WIFI", "CAFE"],
  ...(pricingPlanId ? { pricingPlanId } : {}),
});

export const chargerArgs = (locationId: string, ocppIdentity = "hq-ac-01") => ({
  locationId,
  ocppIdentity,
  ocppVersion: "OCPP201",
  maxPowerW: 22000,
  evses: [
    {
      evseId: 1,
      connectors: [
        { connectorId: 1, standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32 },
      ],
    },
    {
      evseId: 2,
      connectors: [
        { connectorId: 1, standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32 },
      ],
    },
  ],
});
