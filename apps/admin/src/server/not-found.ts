import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/** Runs a query for a page about one record; a missing, hidden or malformed id shows the not-found page. */
export async function orNotFound<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
