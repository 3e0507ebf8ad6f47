/** The browser's first check of chosen files (the server checks again, by content). Mirrors attachment-rules.ts. */
export const ACCEPTED_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "png", "jpg", "jpeg", "txt", "csv"] as const;
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.map((ext) => `.${ext}`).join(",");
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 10;

export type FileProblem = "empty" | "tooLarge" | "type";

export function fileProblem(file: { name: string; size: number }): FileProblem | null {
  if (file.size === 0) return "empty";
  if (file.size > MAX_FILE_BYTES) return "tooLarge";
  const ext = file.name.includes(".") ? file.name.split(".").pop()!.toLowerCase() : "";
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(ext)) return "type";
  return null;
}
