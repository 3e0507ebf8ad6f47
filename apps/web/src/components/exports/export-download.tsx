"use client";

import { Alert, Button } from "@portal/ui";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

type Format = "csv" | "xlsx";

interface Progress {
  format: Format;
  bytes: number;
  rows: number | null;
  total: number | null;
}

type State =
  | { phase: "idle" }
  | ({ phase: "running" } & Progress)
  | { phase: "done"; fileName: string }
  | { phase: "failed"; message: string }
  | { phase: "cancelled" };

const NEWLINE = 0x0a;

function fileNameFrom(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) return decodeURIComponent(star);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

function withFormat(href: string, format: Format): string {
  return `${href}${href.includes("?") ? "&" : "?"}format=${format}`;
}

/**
 * Downloads an export of the table on screen. The response streams in; while it does, the page shows the rows
 * (CSV) and bytes received against the total the server announced, then saves the file. It can be cancelled.
 */
export function ExportDownload({
  href,
  formats = ["csv", "xlsx"],
  testId = "export",
}: {
  /** The export endpoint with the table's filters; `format` is added here. */
  href: string;
  formats?: readonly Format[];
  testId?: string;
}) {
  const t = useTranslations("exports");
  const format = useFormatter();
  const [state, setState] = useState<State>({ phase: "idle" });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function run(kind: Format) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: "running", format: kind, bytes: 0, rows: kind === "csv" ? 0 : null, total: null });
    try {
      const response = await fetch(withFormat(href, kind), { signal: controller.signal, credentials: "same-origin" });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const announced = Number.parseInt(response.headers.get("X-Export-Rows") ?? "", 10);
      const total = Number.isFinite(announced) ? announced : null;
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      let newlines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        if (kind === "csv") for (const byte of value) if (byte === NEWLINE) newlines += 1;
        // The header line is not a row.
        setState({
          phase: "running",
          format: kind,
          bytes,
          rows: kind === "csv" ? Math.max(0, newlines - 1) : null,
          total,
        });
      }
      const fileName = fileNameFrom(response.headers.get("Content-Disposition"), `export.${kind}`);
      const blob = new Blob(chunks, { type: response.headers.get("Content-Type") ?? "application/octet-stream" });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ phase: "done", fileName });
    } catch (error) {
      if (controller.signal.aborted) setState({ phase: "cancelled" });
      else setState({ phase: "failed", message: error instanceof Error ? error.message : "" });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }

  const running = state.phase === "running" ? state : null;
  const percent =
    running && running.total && running.rows !== null
      ? Math.min(100, Math.round((running.rows / Math.max(1, running.total)) * 100))
      : null;

  return (
    <div className="flex flex-col items-end gap-2" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("groupLabel")}>
        {formats.map((kind) => (
          <Button
            key={kind}
            type="button"
            variant="outline"
            size="sm"
            disabled={running !== null}
            onClick={() => void run(kind)}
            data-testid={`${testId}-${kind}`}
          >
            {t(kind === "csv" ? "downloadCsv" : "downloadXlsx")}
          </Button>
        ))}
      </div>
      <div aria-live="polite" className="w-full max-w-xs text-right text-xs text-muted-foreground">
        {running ? (
          <div className="flex flex-col gap-1">
            <div
              role="progressbar"
              aria-label={t("progressLabel")}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent ?? undefined}
              aria-valuetext={
                running.rows !== null && running.total !== null
                  ? t("rowsOf", { rows: running.rows, total: running.total })
                  : t("bytesReceived", { size: format.number(running.bytes / 1024, { maximumFractionDigits: 0 }) })
              }
              className="h-1.5 w-full overflow-hidden rounded-full bg-muted"
            >
              <div
                className={
                  percent === null
                    ? "h-full w-1/3 animate-pulse rounded-full bg-primary"
                    : "h-full rounded-full bg-primary"
                }
                style={percent === null ? undefined : { width: `${percent}%` }}
              />
            </div>
            <span data-testid={`${testId}-progress`}>
              {running.rows !== null && running.total !== null
                ? t("rowsOf", { rows: running.rows, total: running.total })
                : t("preparing")}{" "}
              · {t("bytesReceived", { size: format.number(running.bytes / 1024, { maximumFractionDigits: 0 }) })}
            </span>
            <Button type="button" variant="ghost" size="sm" className="self-end" onClick={() => abort.current?.abort()}>
              {t("cancel")}
            </Button>
          </div>
        ) : state.phase === "done" ? (
          <span data-testid={`${testId}-done`}>{t("done", { file: state.fileName })}</span>
        ) : state.phase === "cancelled" ? (
          <span>{t("cancelled")}</span>
        ) : null}
      </div>
      {state.phase === "failed" ? <Alert className="max-w-xs">{t("failed")}</Alert> : null}
    </div>
  );
}
