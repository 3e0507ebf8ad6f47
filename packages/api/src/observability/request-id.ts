import { randomUUID } from "node:crypto";

/** The header a request id travels in, both ways (a proxy may set it; every response carries it). */
export const REQUEST_ID_HEADER = "x-request-id";

// An upstream proxy's id is kept only when it is plainly an id: it is echoed into headers and the log.
const UPSTREAM_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** The id that ties a response, its log lines and its audit event together. */
export function requestIdOf(headers?: Headers | null): string {
  const upstream = headers?.get(REQUEST_ID_HEADER);
  return upstream && UPSTREAM_ID.test(upstream) ? upstream : randomUUID();
}
