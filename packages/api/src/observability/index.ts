export { logger, serializeError, REDACTED_PATHS } from "./logger";
export { REQUEST_ID_HEADER, requestIdOf } from "./request-id";
export { internalErrorMessage } from "./internal-error";
