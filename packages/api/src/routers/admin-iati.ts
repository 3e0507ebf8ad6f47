import { iatiPublicationOverview } from "../services/iati/publication-overview";
import { adminProcedure, router } from "../trpc";

export const adminIatiRouter = router({
  publications: adminProcedure.query(({ ctx }) => iatiPublicationOverview(ctx.db, ctx.actor)),
});
