// One file per namespace, so separate features never edit the same catalogue file.
import adminAudit from "./adminAudit.json";
import adminBudgets from "./adminBudgets.json";
import adminOrganisations from "./adminOrganisations.json";
import adminUsers from "./adminUsers.json";
import attachments from "./attachments.json";
import auth from "./auth.json";
import availability from "./availability.json";
import budgets from "./budgets.json";
import common from "./common.json";
import conferences from "./conferences.json";
import dashboard from "./dashboard.json";
import exportMessages from "./exports.json";
import feedback from "./feedback.json";
import grantForm from "./grantForm.json";
import grantStatus from "./grantStatus.json";
import grants from "./grants.json";
import invitations from "./invitations.json";
import ledger from "./ledger.json";
import members from "./members.json";
import nav from "./nav.json";
import organisations from "./organisations.json";
import partialLists from "./partialLists.json";
import partner from "./partner.json";
import partnerGrantStatus from "./partnerGrantStatus.json";
import provenance from "./provenance.json";
import treaty from "./treaty.json";

export const messages = {
  adminAudit,
  adminBudgets,
  adminOrganisations,
  adminUsers,
  attachments,
  auth,
  availability,
  budgets,
  common,
  conferences,
  dashboard,
  exports: exportMessages,
  feedback,
  grantForm,
  grantStatus,
  grants,
  invitations,
  ledger,
  members,
  nav,
  organisations,
  partialLists,
  partner,
  partnerGrantStatus,
  provenance,
  treaty,
};
