import { budgetsRouter } from "./routers/budgets";
import { createCallerFactory, router } from "./trpc";

/** The admin console's API; every procedure in it requires an admin. */
export const adminRouter = router({
  budgets: budgetsRouter,
});
export type AdminRouter = typeof adminRouter;
export const createAdminCaller = createCallerFactory(adminRouter);
