// Reusable export pieces: describe a table (columns + lazily read batches), then stream it as CSV or XLSX.
export * from "./export-format";
export * from "./csv-stream";
export * from "./csv-sql";
export * from "./xlsx-stream";
export * from "./export-response";
export * from "./grant-list-export";
export * from "./payments-export";
