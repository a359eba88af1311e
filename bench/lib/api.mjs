/** The bench's own requests to the emulator (setup and drift; never counted in a job's figures). */
import { readFileSync } from "node:fs";
import { OUT, sleep, TOKEN } from "./settings.mjs";

export async function api(emulator, method, path, body) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${emulator.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 429 && attempt < 10) {
      await res.text();
      await sleep(1000);
      continue;
    }
    return answer(res, method, path);
  }
}

async function answer(res, method, path) {
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** The program's own field values for one charger (as index.js writes them), for the state overhead. */
export function userArgs(i, maxPowerW = 22000) {
  const n = String(i + 1).padStart(5, "0");
  return {
    ocppIdentity: `BENCH-${n}`,
    ocppVersion: "OCPP201",
    maxPowerW,
    evses: [{ evseId: 1, connectors: [{ connectorId: 1, standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32 }] }],
  };
}

/** Reads the results file when there is one (entries of other runs are kept). */
export function previousResults() {
  try {
    return JSON.parse(readFileSync(OUT, "utf8"));
  } catch {
    return {};
  }
}
