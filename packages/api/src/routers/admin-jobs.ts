import { outboxListInput, outboxMessageInput } from "@portal/domain";
import { getOutboxMessage, jobsOverview, listOutbox } from "../services/notifications";
import { adminProcedure, router } from "../trpc";

/** Background jobs and the e-mail outbox, for admins. */
export const adminJobsRouter = router({
  overview: adminProcedure.query(({ ctx }) => jobsOverview(ctx.db, ctx.actor)),
  outbox: adminProcedure.input(outboxListInput).query(({ ctx, input }) => listOutbox(ctx.db, ctx.actor, input)),
  message: adminProcedure
    .input(outboxMessageInput)
    .query(({ ctx, input }) => getOutboxMessage(ctx.db, ctx.actor, input)),
});
