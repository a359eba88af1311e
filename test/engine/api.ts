import type { RunningEmulator } from "../../emulator";
import { TOKEN } from "./harness";

/** Calls the emulator's API directly, as someone changing things by hand would. */
export async function api(emulator: RunningEmulator, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text).data : undefined;
}
