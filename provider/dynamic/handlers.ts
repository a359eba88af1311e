/**
 * The module every serialized `__provider` shim requires by name
 * (`require("pulumi-eosvolt/dynamic").Charger`). Its path and export names are a
 * promise to every existing stack: they never change between releases. There is
 * one export per kind of the registry, named by its type (`Location`, `Charger`,
 * `PricingPlan`, …), each the generic provider of that kind.
 */
import { isKindName, kindList, type KindName } from "../kinds";
import type { AnyKind } from "../kinds/kind";
import { GenericProvider } from "./provider";

const handlers: Partial<Record<KindName, GenericProvider>> = {};
const every: readonly AnyKind[] = kindList;
for (const kind of every) if (isKindName(kind.type)) handlers[kind.type] = new GenericProvider(kind);

export = handlers;
