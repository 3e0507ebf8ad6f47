import { treatyTrackerInput } from "@portal/domain";
import { treatyTracker } from "../services/treaty/treaty-tracker";
import { universalisationFigures } from "../services/treaty/universalisation-figures";
import { procedureWith, router } from "../trpc";

export const treatyRouter = router({
  tracker: procedureWith("grants.view.all")
    .input(treatyTrackerInput)
    .query(({ ctx, input }) => treatyTracker(ctx.db, ctx.actor, input, ctx.locale)),
  figures: procedureWith("grants.view.all").query(({ ctx }) => universalisationFigures(ctx.db, ctx.actor)),
});
