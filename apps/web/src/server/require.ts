import "server-only";
import { type Capability, can } from "@portal/domain";
import { notFound } from "next/navigation";
import { getSession } from "./caller";

/** Pages for a capability the user lacks are simply not there for them (the API refuses as well). */
export async function requireCapability(capability: Capability) {
  const session = await getSession();
  if (!session || !can(session.user.role, capability)) notFound();
  return session;
}
