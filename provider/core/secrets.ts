import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Salted fingerprints of write-only secrets (a charger's `authorizationKey`):
 * the state keeps `v1:<salt>:<hmac>`, enough to tell that the program changed
 * the secret, never enough to recover it.
 */
export function fingerprint(secret: string, salt: string = randomBytes(12).toString("base64url")): string {
  return `v1:${salt}:${createHmac("sha256", salt).update(secret).digest("base64url")}`;
}

/** True when the secret is the one the fingerprint was made from. */
export function matchesFingerprint(secret: string, stored: unknown): boolean {
  if (typeof stored !== "string") return false;
  const [version, salt] = stored.split(":");
  if (version !== "v1" || !salt) return false;
  const expected = Buffer.from(fingerprint(secret, salt));
  const actual = Buffer.from(stored);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
