import { MAX_UPLOAD_REQUEST_BYTES, reportUpload } from "@portal/api/http";
import { http } from "@/server/http";

export const dynamic = "force-dynamic";

/** A report handed in with its files (multipart/form-data); the body is capped while it is read. */
export const POST = http.route(reportUpload, { name: "attachments.upload", maxBodyBytes: MAX_UPLOAD_REQUEST_BYTES });
