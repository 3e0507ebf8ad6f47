// The one HTTP layer both apps' route handlers go through (see route-kit.ts).
export { createRouteKit, MAX_TRPC_BODY_BYTES, DEFAULT_ROUTE_BODY_BYTES, type RouteRequest } from "./route-kit";
export { downloadResponse, errorResponse, jsonResponse, refusalResponse, contentDisposition } from "./responses";
export { isCrossSiteWrite } from "./same-origin";
export { withBodyLimit, BodyTooLargeError, isBodyTooLarge } from "./body-limit";
export { httpStatusOf } from "./status";
export { reportUpload, MAX_UPLOAD_REQUEST_BYTES } from "./report-upload";
