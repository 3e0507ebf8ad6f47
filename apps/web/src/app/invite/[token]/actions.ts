"use server";

import { DomainError } from "@portal/api";
import { TRPCError } from "@trpc/server";
import { unstable_rethrow } from "next/navigation";
import { signIn } from "@/auth";
import { getApi } from "@/server/caller";

export type AcceptProblem = "invalid" | "expired" | "accepted" | "revoked" | "exists" | "password" | "name" | "failed";

/**
 * Accepts an invitation (creates the account and its membership), then signs the new person in and sends them to
 * their start page. Returns what went wrong otherwise, for the form to say in the reader's language.
 */
export async function acceptInvitationAction(input: {
  token: string;
  name: string;
  password: string;
}): Promise<{ problem: AcceptProblem }> {
  const api = await getApi();
  let email: string;
  try {
    ({ email } = await api.invitations.accept(input));
  } catch (error) {
    const cause = error instanceof TRPCError ? error.cause : error;
    const field = cause instanceof DomainError ? cause.field : undefined;
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") {
      return { problem: field === "name" || String(error.message).includes("name") ? "name" : "password" };
    }
    if (field === "password") return { problem: "password" };
    if (field === "name") return { problem: "name" };
    const invitation = await api.invitations.describe({ token: input.token }).catch(() => null);
    if (!invitation) return { problem: "invalid" };
    if (invitation.state !== "pending") return { problem: invitation.state };
    if (error instanceof TRPCError && error.code === "CONFLICT") return { problem: "exists" };
    return { problem: "failed" };
  }
  try {
    await signIn("credentials", { email, password: input.password, redirectTo: "/" });
  } catch (error) {
    unstable_rethrow(error); // the redirect after a successful sign-in
    // The account exists; signing in by hand still works.
  }
  return { problem: "failed" };
}
