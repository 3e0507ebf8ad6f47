import { createHash, randomBytes } from "node:crypto";

/** Invitations last 14 days from the moment they are made. */
export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

/** 32 random bytes, base64url: what the accept link carries. Never stored. */
export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored (invitations.token_hash): the SHA-256 of the token, hex. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** `${PORTAL_URL}/invite/<token>` when the portal's public address is configured, otherwise a relative link. */
export function invitationAcceptUrl(token: string, portalUrl: string | undefined = process.env.PORTAL_URL): string {
  const base = (portalUrl ?? "").trim().replace(/\/+$/, "");
  return `${base}/invite/${encodeURIComponent(token)}`;
}
