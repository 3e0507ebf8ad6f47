import { accountRouter } from "./routers/account";
import { annualReportRouter } from "./routers/annual-report";
import { attachmentsRouter } from "./routers/attachments";
import { conferencesRouter } from "./routers/conferences";
import { dashboardRouter } from "./routers/dashboard";
import { disbursementsRouter } from "./routers/disbursements";
import { grantsRouter } from "./routers/grants";
import { iatiRouter } from "./routers/iati";
import { invitationsRouter } from "./routers/invitations";
import { membersRouter } from "./routers/members";
import { notificationsRouter, publicAccountRouter } from "./routers/notifications";
import { organisationsRouter } from "./routers/organisations";
import { partnershipsRouter } from "./routers/partnerships";
import { paymentsRouter } from "./routers/payments";
import { programmeBudgetsRouter } from "./routers/programme-budgets";
import { requirementsRouter } from "./routers/requirements";
import { treatyRouter } from "./routers/treaty";
import { authedProcedure, createCallerFactory, router } from "./trpc";

/** Everything the officer and partner portal can call. Admin-only procedures are not mounted here at all. */
export const webRouter = router({
  grants: grantsRouter,
  payments: paymentsRouter,
  disbursements: disbursementsRouter,
  requirements: requirementsRouter,
  dashboard: dashboardRouter,
  attachments: attachmentsRouter,
  invitations: invitationsRouter,
  members: membersRouter,
  conferences: conferencesRouter,
  organisations: organisationsRouter,
  partnerships: partnershipsRouter,
  treaty: treatyRouter,
  notifications: notificationsRouter,
  account: accountRouter(authedProcedure),
  publicAccount: publicAccountRouter,
  iati: iatiRouter,
  annualReport: annualReportRouter,
  programmeBudgets: programmeBudgetsRouter,
});
export type WebRouter = typeof webRouter;
export const createWebCaller = createCallerFactory(webRouter);
