import { useTranslations } from "next-intl";
import { FileSize } from "./file-size";

export interface AttachmentItem {
  id: string;
  fileName: string;
  sizeBytes: number;
}

/** Links to download a submission's files (served only to those entitled, always as a download). */
export function AttachmentList({ attachments, compact }: { attachments: AttachmentItem[]; compact?: boolean }) {
  const t = useTranslations("attachments");
  if (attachments.length === 0) return null;
  return (
    <ul
      className={compact ? "flex flex-col gap-0.5 text-xs" : "flex flex-col gap-1 text-sm"}
      aria-label={t("filesTitle")}
    >
      {attachments.map((a) => (
        <li key={a.id} className="flex flex-wrap items-baseline gap-x-2">
          <a
            href={`/api/attachments/${a.id}`}
            download={a.fileName}
            className="break-all link"
            data-testid="attachment-link"
          >
            <span aria-hidden>📎 </span>
            {a.fileName}
          </a>
          <span className="text-xs text-muted-foreground">
            <FileSize bytes={a.sizeBytes} />
          </span>
        </li>
      ))}
    </ul>
  );
}
