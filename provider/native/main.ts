/**
 * `pulumi-resource-eosvolt`: the plugin's entry (`bin/pulumi-resource-eosvolt`
 * runs `node` on this file). Writes nothing to stdout but the port.
 */
import { NativeProvider } from "./provider";
import { serve } from "./server";

serve(new NativeProvider(), process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`pulumi-resource-eosvolt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
