import { csvStream } from "./csv-stream";
import { EXPORT_CONTENT_TYPES, type ExportFormat, type ExportTable } from "./export-format";
import { xlsxStream } from "./xlsx-stream";

/** The body of an export in the chosen format, as a stream. */
export function exportStream<Row>(table: ExportTable<Row>, format: ExportFormat): ReadableStream<Uint8Array> {
  return format === "xlsx" ? xlsxStream(table) : csvStream(table);
}

/** Headers every export answers with; X-Export-Rows lets the page show progress while the rows stream in. */
export function exportHeaders(table: ExportTable<unknown>, format: ExportFormat): Headers {
  return new Headers({
    "Content-Type": EXPORT_CONTENT_TYPES[format],
    "Content-Disposition": `attachment; filename="${table.fileName}"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Export-Rows": String(table.rowCount),
    "X-Export-Format": format,
  });
}

/** A streamed export as a fetch Response (what a Next route handler returns). */
export function exportResponse<Row>(table: ExportTable<Row>, format: ExportFormat): Response {
  return new Response(exportStream(table, format), {
    status: 200,
    headers: exportHeaders(table as ExportTable<unknown>, format),
  });
}
