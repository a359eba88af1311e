/**
 * The module every serialized `__provider` shim requires by name
 * (`require("pulumi-eosvolt/dynamic").Charger`). Its path and export names are a
 * promise to every existing stack: they never change between releases.
 */
import { kinds } from "../kinds";
import { GenericProvider } from "./provider";

export const Location = new GenericProvider(kinds.Location);
export const Charger = new GenericProvider(kinds.Charger);
export const PricingPlan = new GenericProvider(kinds.PricingPlan);
