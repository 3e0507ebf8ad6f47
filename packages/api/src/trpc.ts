import type { Database } from "@portal/db";
import type { Capability } from "@portal/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { type Actor, requireCapability } from "./actor";
import { FRENCH_ERROR_MESSAGES } from "./error-messages-fr";
import { DomainError, toTRPCError } from "./errors";

export interface Context {
  db: Database;
  actor: Actor | null;
  locale: "en" | "fr";
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    const french = ctx?.locale === "fr" && cause instanceof DomainError;
    return {
      ...shape,
      message: french ? FRENCH_ERROR_MESSAGES[cause.code] : shape.message,
      data: {
        ...shape.data,
        domainCode: cause instanceof DomainError ? cause.code : null,
        field: cause instanceof DomainError ? (cause.field ?? null) : null,
        // Field-by-field messages for forms; never the stack.
        fieldErrors:
          cause instanceof ZodError ? Object.fromEntries(cause.issues.map((i) => [i.path.join("."), i.message])) : null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/** Turns DomainErrors thrown by services into tRPC errors with the mapped code. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    throw toTRPCError(result.error.cause);
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** A procedure for actors holding a capability (mapped from roles in @portal/domain). */
export function procedureWith(capability: Capability) {
  return authedProcedure.use(({ ctx, next }) => {
    try {
      requireCapability(ctx.actor, capability);
    } catch (error) {
      throw toTRPCError(error as DomainError);
    }
    return next();
  });
}

/** Only for the admin console's router: admins, and nobody else, whatever the capability table says. */
export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "admin")
    throw new TRPCError({ code: "FORBIDDEN", message: "The admin console is for administrators." });
  return next();
});
