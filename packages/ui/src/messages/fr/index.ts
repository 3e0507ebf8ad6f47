// One file per namespace, so separate features never edit the same catalogue file.
import common from "./common.json";
import provenance from "./provenance.json";
import auth from "./auth.json";
import nav from "./nav.json";
import grantStatus from "./grantStatus.json";
import partnerGrantStatus from "./partnerGrantStatus.json";
import grants from "./grants.json";
import budgets from "./budgets.json";
import grantForm from "./grantForm.json";
import ledger from "./ledger.json";

export const messages = {
  common,
  provenance,
  auth,
  nav,
  grantStatus,
  partnerGrantStatus,
  grants,
  budgets,
  grantForm,
  ledger,
};
