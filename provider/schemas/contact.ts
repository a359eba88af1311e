import { z } from "zod";

/** Most characters of an e-mail address (RFC 5321's path limit, as the API counts it). */
export const MAX_EMAIL_LENGTH = 254;

/** An E.164 telephone number: `+`, a country code that does not start with 0, at most 15 digits in all. */
const E164 = /^\+[1-9][0-9]{1,14}$/;

/**
 * An e-mail address as the API takes it: at most 254 characters, exactly one
 * `@` with text on both sides. Stored lower-cased (the API does
 * the same), so `Ops@Example.com` and `ops@example.com` are the same address.
 */
export const emailAddress = () =>
  z
    .string()
    .max(MAX_EMAIL_LENGTH, { message: `must be an e-mail address of at most ${MAX_EMAIL_LENGTH} characters` })
    .regex(/^[^@]+@[^@]+$/, { message: 'must be an e-mail address with one "@", like "support@example.com"' })
    .transform((value) => value.toLowerCase());

/** A telephone number in E.164 form: `+` and 2..15 digits, the first not 0 (`+31201234567`); no spaces or dashes. */
export const phoneNumber = () =>
  z.string().regex(E164, { message: 'must be a phone number in E.164 form: "+", the country code and the number, digits only, like "+31201234567"' });

/** The contact drivers see at a location: an e-mail address, a phone number, or both. */
export const SupportContactSchema = z
  .strictObject({
    /** E-mail address drivers can write to; at most 254 characters with one `@`; stored lower-cased (its case is no change). */
    email: emailAddress().optional(),
    /** Phone number drivers can call, in E.164 form (`+31201234567`). */
    phone: phoneNumber().optional(),
  })
  .superRefine((contact, ctx) => {
    if (contact.email === undefined && contact.phone === undefined) {
      ctx.addIssue({ code: "custom", path: [], message: "must hold an email or a phone (or both); leave supportContact out for the operator's default contact" });
    }
  });

/** A location's support contact as the API holds it. */
export type SupportContact = z.output<typeof SupportContactSchema>;
