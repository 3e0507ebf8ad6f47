export * from "./fiscal-year";
export * from "./money";
export * from "./treaty";
export * from "./roles";
export * from "./iati";
export * from "./validators";
export * from "./grant-lifecycle";
export * from "./localized";
