import * as eosvolt from "pulumi-eosvolt";

// Who may sign in to the EOSVOLT dashboard, reviewed in pull requests like any
// other change. Creating an admin sends an invitation e-mail; removing one from
// this program ends that person's access at `pulumi up`.

// The operations team runs the sites: locations, chargers, bookings and sessions.
const operations = ["Ops.Lead@Example.com", "noc@example.com"].map(
  (email, i) =>
    new eosvolt.Admin(`operations-${i + 1}`, {
      email,
      name: i === 0 ? "Operations lead" : "Network operations centre",
      permissions: {
        dashboard: ["view"],
        locations: ["view", "add", "edit"],
        chargers: ["edit", "view", "add", "delete"],
        bookings: ["view", "edit", "delete"],
        sessions: ["view", "export"],
      },
    }),
);

// Finance reads and exports, and changes nothing.
const finance = new eosvolt.Admin("finance", {
  email: "finance@example.com",
  name: "Finance (read-only)",
  permissions: {
    dashboard: ["view"],
    pricing: ["view"],
    sessions: ["export", "view"],
    reports: ["view", "export"],
  },
});

export const operationsIds = operations.map((admin) => admin.id);
export const financeId = finance.id;
export const financePermissions = finance.permissions;
