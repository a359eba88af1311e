export * from "./common";
export * from "./location";
export * from "./charger";
export * from "./pricing-plan";
export * from "./session";
