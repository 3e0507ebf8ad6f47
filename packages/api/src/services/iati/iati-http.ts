import type { PublishedFile } from "./published-files";

/** Clients may reuse a copy for five minutes, then must revalidate (cheaply, with the ETag or the date). */
const CACHE_CONTROL = "public, max-age=300, must-revalidate";

/**
 * A public XML file as an HTTP response, answering conditional requests: 304 when the client's ETag matches
 * (If-None-Match wins, as RFC 9110 says), or when nothing changed since its If-Modified-Since.
 */
export function publishedFileResponse(request: Request, file: PublishedFile, fileName: string): Response {
  const headers = new Headers({
    "Content-Type": "application/xml; charset=utf-8",
    "Cache-Control": CACHE_CONTROL,
    ETag: file.etag,
    "Last-Modified": file.lastModified.toUTCString(),
    "Content-Disposition": `inline; filename="${fileName}"`,
    "X-Content-Type-Options": "nosniff",
  });
  const ifNoneMatch = request.headers.get("if-none-match");
  const ifModifiedSince = request.headers.get("if-modified-since");
  const matches = ifNoneMatch
    ? ifNoneMatch.split(",").some((tag) => tag.trim() === file.etag || tag.trim() === "*")
    : ifModifiedSince !== null && !Number.isNaN(Date.parse(ifModifiedSince))
      ? file.lastModified.getTime() <= Date.parse(ifModifiedSince)
      : false;
  if (matches) return new Response(null, { status: 304, headers });
  return new Response(file.body, { status: 200, headers });
}
