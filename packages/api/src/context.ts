import { getDb } from "@portal/db/runtime";
import type { Role } from "@portal/domain";
import type { Context } from "./trpc";

interface SessionLike {
  user: { id: string; role: Role; organisationIds: readonly string[] };
  /** Whether this session's sign-in proved a second factor (TOTP). */
  secondFactor?: boolean;
  sessionId?: string;
}

/** The request context both apps build from their session (already re-read from the database by the auth layer). */
export function createContext(session: SessionLike | null, locale: "en" | "fr"): Context {
  return {
    db: getDb(),
    locale,
    actor: session
      ? {
          userId: session.user.id,
          role: session.user.role,
          organisationIds: session.user.organisationIds,
          secondFactor: session.secondFactor ?? false,
          sessionId: session.sessionId,
        }
      : null,
  };
}
