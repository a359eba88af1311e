/**
 * The emulator's billing of completed sessions, written from the contract ("How a
 * completed session is priced"), independently of the provider's pricer:
 * `buildPeriods` cuts a session into its metered periods, `billSession` prices them.
 */
export { billSession, type BillablePlan, type Bill, type BillingInput, type BillingLine, type ComponentType } from "./bill-session";
export { buildPeriods, epochSeconds, isoSeconds, type Period, type PeriodsInput } from "./periods";
export { localTime, nextLocalQuarter, offsetAt, type LocalTime } from "./local-time";
