/**
 * Officer programme scope. An officer manages (creates, edits, approves, pays, reviews) only grants whose every
 * funding line draws on an allocation of their programmes (a programme they are assigned to, or a programme under an
 * assigned fund). Grants outside them are read-only or hidden, as an admin chooses per officer. An officer with no
 * programme manages nothing: a ministry assigns a file before anyone acts on it.
 */
export const OUTSIDE_PROGRAMME_ACCESS = ["read_only", "hidden"] as const;
export type OutsideProgrammeAccess = (typeof OUTSIDE_PROGRAMME_ACCESS)[number];

/** Why a grant an officer can open is read-only for them (shown on the grant page). */
export const READ_ONLY_REASONS = ["noProgrammes", "outsideProgrammes"] as const;
export type ReadOnlyReason = (typeof READ_ONLY_REASONS)[number];

/**
 * THE rule the grant page shows and the services enforce (through the same SQL condition, `manageableGrants`): an
 * officer who may not manage a grant reads it, and the page says why; everyone else gets no reason.
 */
export function readOnlyReason(facts: {
  isOfficer: boolean;
  manageable: boolean;
  assignedProgrammes: number;
}): ReadOnlyReason | null {
  if (!facts.isOfficer || facts.manageable) return null;
  return facts.assignedProgrammes === 0 ? "noProgrammes" : "outsideProgrammes";
}
