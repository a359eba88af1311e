import type { KindName } from "../kinds";

/**
 * The `__provider` text stored in each resource's state. It must stay constant
 * across releases (a changed text would show every resource as changed), so it
 * only names the package and the kind and forwards to `dynamic/handlers.ts`.
 */
export function providerShim(kind: KindName): string {
  return `exports.handler=()=>require("pulumi-eosvolt/dynamic").${kind}`;
}
