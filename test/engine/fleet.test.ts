import { engineScenarios } from "./scenarios";

engineScenarios({
  example: "fleet",
  counts: { pricingPlans: 3, locations: 32, chargers: 224 },
  priceEdit: { file: "fleet.json", from: '"price": "0.59"', to: '"price": "0.61"' },
  currencyEdit: {
    file: "fleet.json",
    from: '"name": "Fast DC",\n   "currency": "EUR"',
    to: '"name": "Fast DC",\n   "currency": "CHF"',
    locationUsers: 8,
    chargerUsers: 0,
  },
});
