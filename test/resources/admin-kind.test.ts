/**
 * The Admin kind through check, diff and the state (no API): bad permissions
 * and e-mails named by their dot path; permissions with set semantics per page;
 * the e-mail's case is no change and a new e-mail a replacement; the live
 * `status` and `lastSignInAt` are never a diff and never in the state.
 */
import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/core/check";
import { diffInputs, patchBody } from "../../provider/core/diff";
import { outputFields } from "../../provider/core/fields";
import { stateOf } from "../../provider/core/outputs";
import { adminKind } from "../../provider/kinds";

const operations = (over: Record<string, unknown> = {}) => ({
  email: "Ops.Lead@Example.com",
  name: "Operations lead",
  permissions: { locations: ["edit", "view", "add"], chargers: ["view", "edit"], sessions: ["view"] },
  ...over,
});
const failures = (args: Record<string, unknown>) => checkInputs(adminKind, args).failures;
const checked = (args: Record<string, unknown>) => {
  const result = checkInputs(adminKind, args);
  expect(result.failures).toEqual([]);
  return result.inputs;
};
const apiObject = (args: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  id: "adm_1", status: "INVITED", invitedAt: "2026-12-01T00:00:00Z", lastSignInAt: null, createdAt: "2026-12-01T00:00:00Z", updatedAt: "2026-12-01T00:00:00Z",
  ...checked(args), ...over,
});

describe("check: admins", () => {
  it("lower-cases the e-mail and sorts each page's actions as a set", () => {
    expect(checked(operations({ permissions: { locations: ["view", "edit", "view"] } }))).toEqual({
      email: "ops.lead@example.com", name: "Operations lead", permissions: { locations: ["edit", "view"] },
    });
  });

  it.each([
    ["a page without view", { reports: ["export"] }, "permissions.reports", /must hold "view" when it holds "export"/],
    ["an empty page", { pricing: [] }, "permissions.pricing", /at least one action/],
    ["an unknown page", { billing: ["view"] }, "permissions.billing", /is not a field/],
    ["an unknown action", { sessions: ["view", "approve"] }, "permissions.sessions[1]", /must be one of "view", "add", "edit", "delete", "export"/],
    ["a list that is no list", { sessions: "view" }, "permissions.sessions", /must be a list/],
  ])("refuses %s", (_name, permissions, property, reason) => {
    expect(failures(operations({ permissions }))).toEqual([{ property, reason: expect.stringMatching(reason) }]);
  });

  it.each([
    ["no e-mail", { email: undefined }, "email", /is required/],
    ["an e-mail without @", { email: "ops.example.com" }, "email", /one "@"/],
    ["an e-mail with two @", { email: "ops@@example.com" }, "email", /one "@"/],
    ["an e-mail over 254 characters", { email: `${"o".repeat(243)}@example.com` }, "email", /at most 254/],
    ["no permissions", { permissions: undefined }, "permissions", /is required/],
    ["a name over 255 characters", { name: "n".repeat(256) }, "name", /at most 255/],
  ])("refuses %s", (_name, over, property, reason) => {
    expect(failures(operations(over))).toEqual([{ property, reason: expect.stringMatching(reason) }]);
  });
});

describe("diff and state: admins", () => {
  const state = stateOf(adminKind, apiObject(operations()), checked(operations()));

  it("keeps neither status nor lastSignInAt in the state, and neither is an output", () => {
    expect(state).not.toHaveProperty("status");
    expect(state).not.toHaveProperty("lastSignInAt");
    expect(outputFields(adminKind)).not.toContain("status");
    expect(outputFields(adminKind)).not.toContain("lastSignInAt");
    expect(state).toMatchObject({ id: "adm_1", email: "ops.lead@example.com", invitedAt: "2026-12-01T00:00:00Z" });
  });

  it("no change: actions in another order, the e-mail in another case, the person signing in", () => {
    const program = operations({ email: "OPS.LEAD@example.COM", permissions: { sessions: ["view"], chargers: ["edit", "view"], locations: ["add", "view", "edit"] } });
    expect(diffInputs(adminKind, state, checked(program))).toMatchObject({ changes: false, replaces: [] });
    const signedIn = apiObject(operations(), { status: "ACTIVE", lastSignInAt: "2026-12-05T09:00:00Z", updatedAt: "2026-12-05T09:00:00Z" });
    expect(diffInputs(adminKind, signedIn, checked(operations())).changes).toBe(false);
  });

  it("another e-mail replaces the admin; a permission changes in place with one PATCH of permissions", () => {
    expect(diffInputs(adminKind, state, checked(operations({ email: "ops2@example.com" }))).replaces).toEqual(["email"]);
    const news = checked(operations({ permissions: { locations: ["edit", "view", "add"], chargers: ["view", "edit"], sessions: ["view", "export"] } }));
    const { changed, replaces } = diffInputs(adminKind, state, news);
    expect({ changed, replaces }).toEqual({ changed: ["permissions"], replaces: [] });
    expect(patchBody(adminKind, changed, news)).toEqual({
      permissions: { chargers: ["edit", "view"], locations: ["add", "edit", "view"], sessions: ["export", "view"] },
    });
  });
});
