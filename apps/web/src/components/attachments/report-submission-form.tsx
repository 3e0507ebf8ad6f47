"use client";

import { Alert, Button, Label } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { useLazySchema } from "@portal/ui/lazy-schema";
import { schemaValidator, useForm } from "@portal/ui/use-form";
import { FileSize } from "./file-size";
import { ACCEPT_ATTRIBUTE, fileProblem, MAX_FILES } from "./file-rules";

interface UploadError {
  code: string;
  message: string;
  field: string | null;
}

/** Posts the multipart form with XMLHttpRequest, which (unlike fetch) reports upload progress. */
function upload(
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<{ ok: true } | { ok: false; error: UploadError }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/attachments");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) resolve({ ok: true });
      else {
        const body = request.response as { error?: UploadError } | null;
        resolve({ ok: false, error: body?.error ?? { code: String(request.status), message: "", field: null } });
      }
    };
    request.onerror = () => resolve({ ok: false, error: { code: "NETWORK", message: "", field: null } });
    request.send(form);
  });
}

/**
 * The partner's report form: the report's text and any files (PDF, Word, Excel, OpenDocument, images, text). The
 * browser checks type and size first so mistakes show at once; the server checks again by content and stores the
 * files with the submission in one transaction.
 */
export function ReportSubmissionForm({
  requirementId,
  resubmission,
}: {
  requirementId: string;
  resubmission: boolean;
}) {
  const t = useTranslations("attachments");
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const bodyId = useId();
  const filesId = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [filesError, setFilesError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState(false);
  const validate = useLazySchema<{ body: string }>(async () => {
    const { reportBodySchema } = await import("./form-schemas");
    return schemaValidator(reportBodySchema({ bodyRequired: t("bodyRequired"), bodyTooLong: t("bodyTooLong") }));
  }, [t]);
  const form = useForm<{ body: string }>({ validate, defaultValues: { body: "" } });
  const bodyError = form.errorAt("body");

  function describeProblem(file: File): string | null {
    const problem = fileProblem(file);
    return problem ? t(`problems.${problem}`, { file: file.name }) : null;
  }

  function addFiles(chosen: FileList | null) {
    if (!chosen) return;
    const next = [...files, ...Array.from(chosen)].slice(0, MAX_FILES + 1);
    setFiles(next.slice(0, MAX_FILES));
    const problems = next.map(describeProblem).filter(Boolean);
    setFilesError(next.length > MAX_FILES ? t("problems.tooMany", { max: MAX_FILES }) : (problems[0] ?? null));
    if (picker.current) picker.current.value = "";
  }

  function removeFile(index: number) {
    const next = files.filter((_, i) => i !== index);
    setFiles(next);
    setFilesError(next.map(describeProblem).find(Boolean) ?? null);
  }

  const submit = form.handleSubmit(async ({ body }) => {
    setFormError(null);
    const problem = files.map(describeProblem).find(Boolean);
    if (problem) {
      setFilesError(problem);
      return;
    }
    const data = new FormData();
    data.set("requirementId", requirementId);
    data.set("body", body);
    for (const file of files) data.append("files", file, file.name);
    setProgress(0);
    const result = await upload(data, setProgress);
    setProgress(null);
    if (!result.ok) {
      const { field, code, message } = result.error;
      const index = field?.startsWith("files.") ? Number(field.slice("files.".length)) : -1;
      if (index >= 0 && files[index]) setFilesError(t("problems.content", { file: files[index].name }));
      else if (field === "files") setFilesError(t("problems.tooMany", { max: MAX_FILES }));
      else if (field === "body") form.setError("body", message || t("bodyRequired"));
      else if (code === "FORBIDDEN") setFormError(t("forbidden"));
      else if (code === "INVALID_TRANSITION") setFormError(t("notOpen"));
      else setFormError(t("failed"));
      return;
    }
    setDone(true);
    setFiles([]);
    form.reset();
    startTransition(() => router.refresh());
  });

  const busy = progress !== null || refreshing || form.isSubmitting;
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate aria-describedby={`${filesId}-hint`}>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={bodyId}>{resubmission ? t("bodyLabelResubmit") : t("bodyLabel")}</Label>
        <textarea
          id={bodyId}
          rows={8}
          className="rounded-md border border-input bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive"
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={bodyError ? `${bodyId}-error` : undefined}
          {...form.register("body")}
        />
        {bodyError ? (
          <p id={`${bodyId}-error`} className="text-sm text-destructive">
            {bodyError}
          </p>
        ) : null}
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={filesId}>{t("filesLabel")}</Label>
        <input
          ref={picker}
          id={filesId}
          name="files"
          type="file"
          multiple
          accept={ACCEPT_ATTRIBUTE}
          onChange={(event) => addFiles(event.target.files)}
          aria-invalid={filesError ? true : undefined}
          aria-describedby={`${filesId}-hint${filesError ? ` ${filesId}-error` : ""}`}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-background file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        />
        <p id={`${filesId}-hint`} className="text-xs text-muted-foreground">
          {t("filesHint", { max: MAX_FILES })}
        </p>
        {filesError ? (
          <p id={`${filesId}-error`} className="text-sm text-destructive" data-testid="files-error">
            {filesError}
          </p>
        ) : null}
        {files.length > 0 ? (
          <ul
            className="mt-1 flex flex-col divide-y divide-border rounded-md border border-border text-sm"
            aria-label={t("chosenFiles")}
          >
            {files.map((file, index) => (
              <li key={`${file.name}-${index}`} className="flex items-center justify-between gap-3 px-3 py-2">
                <span className="min-w-0 truncate">
                  {file.name}{" "}
                  <span className="text-xs text-muted-foreground">
                    (<FileSize bytes={file.size} />)
                  </span>
                </span>
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  onClick={() => removeFile(index)}
                  aria-label={t("removeFile", { file: file.name })}
                >
                  {t("remove")}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {progress !== null ? (
        <div className="flex flex-col gap-1" aria-live="polite">
          <div
            role="progressbar"
            aria-label={t("uploading")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress * 100)}
            className="h-1.5 w-full max-w-sm overflow-hidden rounded-full bg-muted"
          >
            <div className="h-full rounded-full bg-primary" style={{ width: `${Math.round(progress * 100)}%` }} />
          </div>
          <span className="text-xs text-muted-foreground">
            {t("uploadingPercent", { percent: Math.round(progress * 100) })}
          </span>
        </div>
      ) : null}
      {formError ? <Alert>{formError}</Alert> : null}
      {done && !busy ? (
        <Alert tone="info" data-testid="report-sent">
          {t("sent")}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={busy} data-testid="submit-report">
          {busy ? t("sending") : resubmission ? t("resubmit") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
