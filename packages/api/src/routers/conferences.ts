import {
  conferenceByIdInput,
  createConferenceInput,
  listConferencesInput,
  updateConferenceInput,
} from "@portal/domain";
import { conferenceAuditTrail } from "../services/conferences/conference-audit-trail";
import { conferenceFormOptions } from "../services/conferences/conference-form-options";
import { createConference } from "../services/conferences/create-conference";
import { getConferenceOrThrow } from "../services/conferences/get-conference";
import { listConferences } from "../services/conferences/list-conferences";
import { updateConference } from "../services/conferences/update-conference";
import { authedProcedure, procedureWith, router } from "../trpc";

// Scoping happens in the services (visibleConferences): staff see all, a partner its organisations' conferences.
export const conferencesRouter = router({
  list: authedProcedure
    .input(listConferencesInput)
    .query(({ ctx, input }) => listConferences(ctx.db, ctx.actor, input)),
  byId: authedProcedure
    .input(conferenceByIdInput)
    .query(({ ctx, input }) => getConferenceOrThrow(ctx.db, ctx.actor, input.id)),
  formOptions: procedureWith("conferences.manage").query(({ ctx }) => conferenceFormOptions(ctx.db, ctx.actor)),
  create: procedureWith("conferences.manage")
    .input(createConferenceInput)
    .mutation(({ ctx, input }) => createConference(ctx.db, ctx.actor, input)),
  update: procedureWith("conferences.manage")
    .input(updateConferenceInput)
    .mutation(({ ctx, input }) => updateConference(ctx.db, ctx.actor, input)),
  auditTrail: procedureWith("grants.view.all")
    .input(conferenceByIdInput)
    .query(({ ctx, input }) => conferenceAuditTrail(ctx.db, ctx.actor, input.id)),
});
