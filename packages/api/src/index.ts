export type { Actor } from "./actor";
export { DomainError, type DomainErrorCode } from "./errors";
export type { Context } from "./trpc";
export { webRouter, type WebRouter, createWebCaller } from "./root-web";
export { adminRouter, type AdminRouter, createAdminCaller } from "./root-admin";
export { createContext } from "./context";
