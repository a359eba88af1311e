import { z } from "zod";

/** Longest e-mail address (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;

/**
 * An e-mail address: at most 254 characters, exactly one `@` with something on
 * both sides; stored lower-cased. Nothing else is checked (the contract's rule).
 */
export const email = z
  .string()
  .max(MAX_EMAIL_LENGTH)
  .regex(/^[^@]+@[^@]+$/, "{field} must be an e-mail address with exactly one '@' (e.g. \"ops@example.com\").")
  .transform((v) => v.toLowerCase());

/** An E.164 phone number: `+`, a country code not starting with 0, 15 digits at most (`+31201234567`). */
export const phone = z.string().regex(/^\+[1-9][0-9]{1,14}$/, "{field} must be an E.164 phone number (e.g. \"+31201234567\").");

/** The support contact drivers see at a location: at least one of `email` and `phone`. */
export const supportContact = z
  .strictObject({ email: email.optional(), phone: phone.optional() })
  .refine((v) => v.email !== undefined || v.phone !== undefined, "{field} must have an email, a phone, or both.");
