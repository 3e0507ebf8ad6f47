// One file per namespace, so separate features never edit the same catalogue file.
import account from "./account.json" with { type: "json" };
import actionDigest from "./actionDigest.json" with { type: "json" };
import adminAudit from "./adminAudit.json" with { type: "json" };
import adminBudgets from "./adminBudgets.json" with { type: "json" };
import adminIati from "./adminIati.json" with { type: "json" };
import adminOrganisations from "./adminOrganisations.json" with { type: "json" };
import adminUsers from "./adminUsers.json" with { type: "json" };
import amendments from "./amendments.json" with { type: "json" };
import annualReport from "./annualReport.json" with { type: "json" };
import attachments from "./attachments.json" with { type: "json" };
import auditLog from "./auditLog.json" with { type: "json" };
import auth from "./auth.json" with { type: "json" };
import availability from "./availability.json" with { type: "json" };
import budgetAdministration from "./budgetAdministration.json" with { type: "json" };
import budgets from "./budgets.json" with { type: "json" };
import common from "./common.json" with { type: "json" };
import conferences from "./conferences.json" with { type: "json" };
import dashboard from "./dashboard.json" with { type: "json" };
import errors from "./errors.json" with { type: "json" };
import exportMessages from "./exports.json" with { type: "json" };
import feedback from "./feedback.json" with { type: "json" };
import grantForm from "./grantForm.json" with { type: "json" };
import grantStatus from "./grantStatus.json" with { type: "json" };
import grants from "./grants.json" with { type: "json" };
import iati from "./iati.json" with { type: "json" };
import invitations from "./invitations.json" with { type: "json" };
import jobs from "./jobs.json" with { type: "json" };
import ledger from "./ledger.json" with { type: "json" };
import ledgerRules from "./ledgerRules.json" with { type: "json" };
import members from "./members.json" with { type: "json" };
import nav from "./nav.json" with { type: "json" };
import notifications from "./notifications.json" with { type: "json" };
import officerScope from "./officerScope.json" with { type: "json" };
import organisations from "./organisations.json" with { type: "json" };
import partialLists from "./partialLists.json" with { type: "json" };
import partner from "./partner.json" with { type: "json" };
import partnerGrantStatus from "./partnerGrantStatus.json" with { type: "json" };
import provenance from "./provenance.json" with { type: "json" };
import treaty from "./treaty.json" with { type: "json" };
import validation from "./validation.json" with { type: "json" };
import wayfinding from "./wayfinding.json" with { type: "json" };

export const messages = {
  account,
  actionDigest,
  adminAudit,
  adminBudgets,
  adminIati,
  adminOrganisations,
  adminUsers,
  amendments,
  annualReport,
  attachments,
  auditLog,
  auth,
  availability,
  budgetAdministration,
  budgets,
  common,
  conferences,
  dashboard,
  errors,
  exports: exportMessages,
  feedback,
  grantForm,
  grantStatus,
  grants,
  iati,
  invitations,
  jobs,
  ledger,
  ledgerRules,
  members,
  nav,
  notifications,
  officerScope,
  organisations,
  partialLists,
  partner,
  partnerGrantStatus,
  provenance,
  treaty,
  validation,
  wayfinding,
};
