import { type Capability, can, type Role } from "@portal/domain";
import { refusal } from "./errors";

/** Who is asking, as established by the session on this request (re-read from the database each time). */
export interface Actor {
  userId: string;
  role: Role;
  /** Organisations a partner user belongs to; empty for staff. */
  organisationIds: readonly string[];
  /** Whether the session proved a second factor at sign-in; absent counts as no. */
  secondFactor?: boolean;
  /** The server-side session the request came with (so a password change can keep it and end the others). */
  sessionId?: string;
  /** The request this actor is acting in, written on its audit events. */
  requestId?: string;
  /**
   * Only the scheduled jobs' account (systemActor): it acts for the ministry on every grant. Sessions never set it,
   * so every person's officer scope comes from officer_programmes (services/grants/grant-scope.ts).
   */
  actsOnAllProgrammes?: true;
}

export function requireCapability(actor: Actor, capability: Capability): void {
  if (!can(actor.role, capability)) {
    throw refusal("FORBIDDEN", "noPermission");
  }
}

/** Staff (may) see every grant, officers within their scope (grant-scope.ts); partners only their organisations'. */
export function seesAllGrants(actor: Actor): boolean {
  return can(actor.role, "grants.view.all");
}
