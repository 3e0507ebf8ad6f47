export * from "./common";
export * from "./grants";
export * from "./budgets";
export * from "./ledger";
export * from "./conferences";
export * from "./partnerships";
export * from "./iati";
export * from "./annual-report";
