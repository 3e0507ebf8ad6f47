import { createHash, randomBytes } from "node:crypto";
import { refusal } from "../../errors";

/** 10 MB, the same limit the database's CHECK on report_attachments.size_bytes holds. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_SUBMISSION = 10;

/** The kinds of file a report may carry, each recognised by its extension and its first bytes (never the browser's word). */
export const ATTACHMENT_KINDS = {
  pdf: { extensions: ["pdf"], contentType: "application/pdf" },
  docx: {
    extensions: ["docx"],
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  },
  xlsx: { extensions: ["xlsx"], contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  odt: { extensions: ["odt"], contentType: "application/vnd.oasis.opendocument.text" },
  png: { extensions: ["png"], contentType: "image/png" },
  jpeg: { extensions: ["jpg", "jpeg"], contentType: "image/jpeg" },
  txt: { extensions: ["txt"], contentType: "text/plain; charset=utf-8" },
  csv: { extensions: ["csv"], contentType: "text/csv; charset=utf-8" },
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

/** For the file picker's `accept` attribute: a hint only, the server decides. */
export const ATTACHMENT_ACCEPT = Object.values(ATTACHMENT_KINDS)
  .flatMap((kind) => kind.extensions.map((ext) => `.${ext}`))
  .join(",");

export interface UploadedFile {
  /** The name the person's computer gave it. */
  name: string;
  bytes: Uint8Array;
}

export interface CheckedAttachment {
  fileName: string;
  kind: AttachmentKind;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  content: Buffer;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

function containsAscii(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, "latin1");
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Whether the bytes really are a file of this kind (magic numbers; for office files, the parts inside the zip). */
function bytesMatch(kind: AttachmentKind, bytes: Uint8Array): boolean {
  switch (kind) {
    case "pdf":
      return startsWith(bytes, ascii("%PDF-"));
    case "png":
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "jpeg":
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case "docx":
      return startsWith(bytes, ZIP) && containsAscii(bytes, "[Content_Types].xml") && containsAscii(bytes, "word/");
    case "xlsx":
      return startsWith(bytes, ZIP) && containsAscii(bytes, "[Content_Types].xml") && containsAscii(bytes, "xl/");
    case "odt":
      // ODF puts an uncompressed "mimetype" entry first: its content starts at byte 38.
      return startsWith(bytes, ZIP) && startsWith(bytes, ascii("mimetypeapplication/vnd.oasis.opendocument.text"), 30);
    case "txt":
    case "csv":
      return isUtf8Text(bytes);
  }
}

/** A file name safe to show and to put in a Content-Disposition header: no folders, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  if (cleaned.length <= 200) return cleaned || "attachment";
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, 200 - ext.length) + ext;
}

function kindFromExtension(fileName: string): AttachmentKind | null {
  const ext = fileName.includes(".") ? fileName.split(".").pop()!.toLowerCase() : "";
  for (const [kind, spec] of Object.entries(ATTACHMENT_KINDS)) {
    if ((spec.extensions as readonly string[]).includes(ext)) return kind as AttachmentKind;
  }
  return null;
}

const ALLOWED_LIST = "PDF, DOCX, XLSX, ODT, PNG, JPEG, TXT or CSV";

/**
 * Checks every uploaded file (count, size, type by extension and content) and gives each an opaque storage key and a
 * SHA-256. A refusal names the field at fault (`files.<index>`) and the file in its message.
 */
export function checkAttachments(files: readonly UploadedFile[]): CheckedAttachment[] {
  if (files.length > MAX_ATTACHMENTS_PER_SUBMISSION) {
    throw refusal("VALIDATION", "tooManyAttachments", { max: MAX_ATTACHMENTS_PER_SUBMISSION }, "files");
  }
  return files.map((file, index) => {
    const field = `files.${index}`;
    const fileName = cleanFileName(file.name);
    const size = file.bytes.byteLength;
    if (size === 0) throw refusal("VALIDATION", "attachmentEmpty", { file: fileName }, field);
    if (size > MAX_ATTACHMENT_BYTES) {
      throw refusal("VALIDATION", "attachmentTooLarge", { file: fileName }, field);
    }
    const kind = kindFromExtension(fileName);
    if (!kind) {
      throw refusal("VALIDATION", "attachmentTypeRefused", { file: fileName, allowed: ALLOWED_LIST }, field);
    }
    if (!bytesMatch(kind, file.bytes)) {
      throw refusal("VALIDATION", "attachmentContentMismatch", { file: fileName, kind: kind.toUpperCase() }, field);
    }
    const content = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
    return {
      fileName,
      kind,
      contentType: ATTACHMENT_KINDS[kind].contentType,
      sizeBytes: size,
      sha256: createHash("sha256").update(content).digest("hex"),
      storageKey: `att_${randomBytes(24).toString("base64url")}`,
      content,
    };
  });
}
