"use client";

import { Alert, Button } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

type Format = "csv" | "xlsx";

/** The file name a response announces in Content-Disposition, else a fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads the table the admin sees (the export URL carries the same filters as the page) as CSV or XLSX.
 * The server streams the file; the browser reads it chunk by chunk and shows how far it has got (rows, which the
 * server announces in X-Export-Rows, for CSV; bytes for XLSX), then saves it.
 */
export function ExportButtons({ href, label, testId }: { href: string; label: string; testId?: string }) {
  const t = useTranslations("adminAudit");
  const [busy, setBusy] = useState<Format | null>(null);
  const [progress, setProgress] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function download(format: Format) {
    setBusy(format);
    setError(null);
    setProgress(t("exportStarting"));
    const controller = new AbortController();
    abort.current = controller;
    try {
      const url = `${href}${href.includes("?") ? "&" : "?"}format=${format}`;
      const response = await fetch(url, { signal: controller.signal });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const totalRows = Number(response.headers.get("x-export-rows") ?? "NaN");
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        if (format === "csv") for (const byte of value) if (byte === 10) lines++;
        setProgress(
          format === "csv" && Number.isFinite(totalRows) && totalRows > 0
            ? t("exportRows", { done: Math.max(0, Math.min(lines - 1, totalRows)), total: totalRows })
            : t("exportBytes", { kilobytes: Math.round(bytes / 1024) }),
        );
      }
      const blob = new Blob(chunks as BlobPart[], { type: response.headers.get("content-type") ?? undefined });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = fileNameOf(response, `export.${format}`);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setProgress(t("exportDone"));
    } catch (caught) {
      if ((caught as Error).name === "AbortError") setProgress(t("exportCancelled"));
      else {
        setProgress("");
        setError(t("exportFailed"));
      }
    } finally {
      setBusy(null);
      abort.current = null;
    }
  }

  return (
    <div className="flex flex-col items-end gap-1" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label={label}>
        <span className="text-sm text-muted-foreground">{label}</span>
        <Button type="button" size="sm" variant="outline" disabled={busy !== null} onClick={() => download("csv")}>
          CSV
        </Button>
        <Button type="button" size="sm" variant="outline" disabled={busy !== null} onClick={() => download("xlsx")}>
          XLSX
        </Button>
        {busy ? (
          <Button type="button" size="sm" variant="ghost" onClick={() => abort.current?.abort()}>
            {t("exportCancel")}
          </Button>
        ) : null}
      </div>
      <p className="min-h-4 text-xs text-muted-foreground" aria-live="polite">
        {progress}
      </p>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
