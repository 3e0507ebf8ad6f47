import { z } from "zod";
import { uuid } from "./common";

/** The report lists: due (expected from the partner), overdue, handed in for review, done, or all. */
export const REPORT_VIEWS = ["due", "overdue", "review", "done", "all"] as const;
export type ReportView = (typeof REPORT_VIEWS)[number];

export const listReportsInput = z.object({
  view: z.enum(REPORT_VIEWS).default("due"),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type ListReportsInput = z.input<typeof listReportsInput>;

export const reportByIdInput = z.object({ requirementId: uuid });

export const grantAttachmentsInput = z.object({ grantId: uuid });
