export * from "./grants/list-grants";
export * from "./grants/get-grant";
export * from "./grants/grant-scope";
export * from "./grants/create-grant";
export * from "./grants/update-grant";
export * from "./grants/transition-grant";
export * from "./grants/grant-form-options";
export * from "./payments/schedule-payment";
export * from "./payments/act-on-payment";
export * from "./payments/request-unscheduled-payment";
export * from "./payments/refresh-payment-holds";
export * from "./disbursements/record-disbursement";
export * from "./disbursements/reverse-disbursement";
export * from "./requirements/add-requirement";
export * from "./requirements/submit-report";
export * from "./requirements/review-report";
export * from "./requirements/waive-requirement";
export * from "./audit/grant-audit-trail";
export * from "./budgets/budget-overview";
export * from "./exports";
export {
  checkAttachments,
  ATTACHMENT_ACCEPT,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_SUBMISSION,
} from "./attachments/attachment-rules";
export { submitReportWithAttachments } from "./attachments/submit-report-with-attachments";
export { openAttachment } from "./attachments/open-attachment";
export { createInvitation } from "./invitations/create-invitation";
export { acceptInvitation } from "./invitations/accept-invitation";
export { officerDashboard } from "./dashboard/officer-dashboard";
export { COUNT_CAP, cappedCount, countFigure } from "./dashboard/capped-count";
export { partnerWorkspace, type PartnerWorkspace } from "./dashboard/partner-workspace";
export * from "./iati";
export { annualReport } from "./annual-report/annual-report";
export { annualReportPdf } from "./annual-report/annual-report-pdf";
export {
  reportSections,
  reportMoney,
  reportDate,
  type ReportSection,
  type ReportParagraph,
} from "./annual-report/report-text";
export { proposeAmendment } from "./amendments/propose-amendment";
export { approveAmendment } from "./amendments/approve-amendment";
export { rejectAmendment } from "./amendments/reject-amendment";
export { withdrawAmendment } from "./amendments/withdraw-amendment";
export { grantAmendmentHistory } from "./amendments/grant-amendments";
export { officerBudgetView } from "./budgets/officer-budget-view";
export * from "./grants/search-probe";
