import { engineScenarios } from "./scenarios";

engineScenarios({
  example: "quickstart",
  counts: { pricingPlans: 1, locations: 1, chargers: 2 },
  priceEdit: { file: "index.ts", from: 'price: "0.39"', to: 'price: "0.42"' },
  currencyEdit: { file: "index.ts", from: 'currency: "EUR"', to: 'currency: "USD"', locationUsers: 1, chargerUsers: 0 },
  secrets: { authorizationKey: "quickstart-auth-key-0001" },
});
