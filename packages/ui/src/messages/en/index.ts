// One file per namespace, so separate features never edit the same catalogue file.
import account from "./account.json";
import adminAudit from "./adminAudit.json";
import adminBudgets from "./adminBudgets.json";
import adminIati from "./adminIati.json";
import adminOrganisations from "./adminOrganisations.json";
import adminUsers from "./adminUsers.json";
import annualReport from "./annualReport.json";
import attachments from "./attachments.json";
import auth from "./auth.json";
import availability from "./availability.json";
import budgetAdministration from "./budgetAdministration.json";
import budgets from "./budgets.json";
import common from "./common.json";
import conferences from "./conferences.json";
import dashboard from "./dashboard.json";
import exportMessages from "./exports.json";
import feedback from "./feedback.json";
import grantForm from "./grantForm.json";
import grantStatus from "./grantStatus.json";
import grants from "./grants.json";
import iati from "./iati.json";
import invitations from "./invitations.json";
import jobs from "./jobs.json";
import ledger from "./ledger.json";
import ledgerRules from "./ledgerRules.json";
import members from "./members.json";
import nav from "./nav.json";
import notifications from "./notifications.json";
import organisations from "./organisations.json";
import partialLists from "./partialLists.json";
import partner from "./partner.json";
import partnerGrantStatus from "./partnerGrantStatus.json";
import provenance from "./provenance.json";
import treaty from "./treaty.json";

export const messages = {
  account,
  adminAudit,
  adminBudgets,
  adminIati,
  adminOrganisations,
  adminUsers,
  annualReport,
  attachments,
  auth,
  availability,
  budgetAdministration,
  budgets,
  common,
  conferences,
  dashboard,
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
  organisations,
  partialLists,
  partner,
  partnerGrantStatus,
  provenance,
  treaty,
};
