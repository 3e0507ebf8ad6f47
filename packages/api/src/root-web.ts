import { disbursementsRouter } from "./routers/disbursements";
import { grantsRouter } from "./routers/grants";
import { paymentsRouter } from "./routers/payments";
import { requirementsRouter } from "./routers/requirements";
import { createCallerFactory, router } from "./trpc";

/** Everything the officer and partner portal can call. Admin-only procedures are not mounted here at all. */
export const webRouter = router({
  grants: grantsRouter,
  payments: paymentsRouter,
  disbursements: disbursementsRouter,
  requirements: requirementsRouter,
});
export type WebRouter = typeof webRouter;
export const createWebCaller = createCallerFactory(webRouter);
