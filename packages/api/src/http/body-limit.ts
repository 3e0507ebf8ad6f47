/** Thrown while reading a request body that goes over its cap. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * The request with its body capped at `maxBytes`: refused at once when Content-Length already says more, otherwise
 * counted as it streams, so an oversized body (chunked, or lying about its length) fails after `maxBytes` have been
 * read rather than after all of it is in memory.
 */
export function withBodyLimit(request: Request, maxBytes: number): Request {
  const declared = Number.parseInt(request.headers.get("content-length") ?? "", 10);
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (!request.body) return request;
  let received = 0;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > maxBytes) controller.error(new BodyTooLargeError(maxBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: counted,
    signal: request.signal,
    // Required by Node's fetch for a streamed body.
    duplex: "half",
  } as RequestInit);
}

/** Whether an error (or its cause) is a body over its cap, as it surfaces from formData() or a JSON parse. */
export function isBodyTooLarge(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (current instanceof BodyTooLargeError) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The request with its body read into memory under the cap (for tRPC, which parses the whole body anyway): a body
 * over the cap throws BodyTooLargeError after at most `maxBytes` bytes, whatever its Content-Length says.
 */
export async function bufferedWithin(request: Request, maxBytes: number): Promise<Request> {
  const capped = withBodyLimit(request, maxBytes);
  if (!capped.body) return capped;
  let bytes: ArrayBuffer;
  try {
    bytes = await capped.arrayBuffer();
  } catch (error) {
    if (isBodyTooLarge(error)) throw new BodyTooLargeError(maxBytes);
    throw error;
  }
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: bytes,
    signal: request.signal,
  });
}
