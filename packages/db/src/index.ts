export * from "./client";
export * from "./inline-query";
export * as schema from "./schema";
export * from "./schema";
export * from "./prepared-read";
