import type { Actor } from "../../actor";

/** The account scheduled jobs act as (created by migration 0012: inactive, no password, cannot sign in). */
export const SYSTEM_USER_ID = "00000000-0000-4000-8000-000000000001";

/** It works on every programme's grants: a job refreshing payment holds is not an officer's file work. */
export const systemActor: Actor = {
  userId: SYSTEM_USER_ID,
  role: "officer",
  organisationIds: [],
  actsOnAllProgrammes: true,
};
