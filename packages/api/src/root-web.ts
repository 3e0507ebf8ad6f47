import { grantsRouter } from "./routers/grants";
import { createCallerFactory, router } from "./trpc";

/** Everything the officer and partner portal can call. Admin-only procedures are not mounted here at all. */
export const webRouter = router({
  grants: grantsRouter,
});
export type WebRouter = typeof webRouter;
export const createWebCaller = createCallerFactory(webRouter);
