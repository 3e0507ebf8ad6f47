// One file per namespace, so separate features never edit the same catalogue file.
import common from "./common.json";
import provenance from "./provenance.json";
import auth from "./auth.json";
import nav from "./nav.json";
import grantStatus from "./grantStatus.json";
import partnerGrantStatus from "./partnerGrantStatus.json";
import grants from "./grants.json";
import budgets from "./budgets.json";
import adminBudgets from "./adminBudgets.json";
import adminOrganisations from "./adminOrganisations.json";
import adminUsers from "./adminUsers.json";
import adminAudit from "./adminAudit.json";
import grantForm from "./grantForm.json";
import ledger from "./ledger.json";
import dashboard from "./dashboard.json";
import partner from "./partner.json";
import exportMessages from "./exports.json";
import attachments from "./attachments.json";
import members from "./members.json";
import invitations from "./invitations.json";
import conferences from "./conferences.json";
import organisations from "./organisations.json";
import treaty from "./treaty.json";
import iati from "./iati.json";
import adminIati from "./adminIati.json";
import annualReport from "./annualReport.json";
import partialLists from "./partialLists.json";

export const messages = {
  conferences,
  organisations,
  treaty,
  iati,
  adminIati,
  annualReport,
  common,
  provenance,
  auth,
  nav,
  grantStatus,
  partnerGrantStatus,
  grants,
  budgets,
  adminBudgets,
  adminOrganisations,
  adminUsers,
  adminAudit,
  grantForm,
  ledger,
  dashboard,
  partner,
  exports: exportMessages,
  attachments,
  members,
  invitations,
  partialLists,
};
