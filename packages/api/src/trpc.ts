import type { Database } from "@portal/db";
import type { Capability } from "@portal/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { type Actor, requireCapability } from "./actor";
import { DomainError, domainErrorMessage, type RefusalKey, toTRPCError } from "./errors";
import { internalErrorMessage, logger } from "./observability";
import { refusalText } from "@portal/ui/refusal-text";
import { inReaderLocale } from "./reader-locale";
import { domainErrorFromDatabase } from "./services/db-errors";

export interface Context {
  db: Database;
  actor: Actor | null;
  locale: "en" | "fr";
  /** Ties the response, the server log and the audit event together; absent only in hand-built test contexts. */
  requestId?: string;
}

/** The path of a zod issue as a form names its field; a wrong type for the whole input is the "input" field. */
const fieldOfIssue = (path: readonly PropertyKey[]) => path.map(String).join(".") || "input";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Never a stack trace in a response, in development either: the server log has it, under the request id.
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    const requestId = ctx?.requestId ?? null;
    if (error.code === "INTERNAL_SERVER_ERROR") {
      return {
        ...shape,
        message: internalErrorMessage(ctx?.locale ?? "en", requestId ?? "-"),
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId,
          domainCode: null,
          refusal: null,
          field: null,
          fieldErrors: null,
        },
      };
    }
    const locale = ctx?.locale ?? "en";
    const fieldErrors =
      cause instanceof ZodError ? Object.fromEntries(cause.issues.map((i) => [fieldOfIssue(i.path), i.message])) : null;
    return {
      ...shape,
      message: cause instanceof DomainError ? domainErrorMessage(cause, locale) : shape.message,
      data: {
        ...shape.data,
        requestId,
        domainCode: cause instanceof DomainError ? cause.code : null,
        // The sentence's key and parameters, so the browser's formatter can write it in the page's language.
        refusal: cause instanceof DomainError && cause.detail ? cause.detail : null,
        // The field at fault: the service's, or the first one zod refused.
        field:
          cause instanceof DomainError
            ? (cause.field ?? null)
            : cause instanceof ZodError && cause.issues[0]
              ? fieldOfIssue(cause.issues[0].path)
              : null,
        // Field-by-field messages for forms; never the stack.
        fieldErrors,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/**
 * Turns DomainErrors thrown by services into tRPC errors with the mapped code, and database errors a request can
 * cause (bad text, out-of-range values, constraints) into the DomainError they stand for. Anything else is a failure
 * of the server: logged here with the request id, answered with a generic message by the error formatter.
 */
const domainErrors = t.middleware(async ({ ctx, path, type, next }) => {
  // Everything below, zod parsing the input included, writes its messages in the reader's language.
  const result = await inReaderLocale(ctx.locale, () => next());
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) throw toTRPCError(cause);
  const fromDatabase = domainErrorFromDatabase(cause);
  if (fromDatabase) {
    logger().warn(
      { requestId: ctx.requestId, path, type, err: cause, code: fromDatabase.code },
      "database refused input",
    );
    throw toTRPCError(fromDatabase);
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    logger().error({ requestId: ctx.requestId, path, type, err: cause ?? result.error }, "procedure failed");
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

/** A refusal of the transport itself (signed out, not an admin): tRPC's code, the catalogue's sentence. */
function transportRefusal(locale: "en" | "fr", code: TRPCError["code"], key: RefusalKey): TRPCError {
  return new TRPCError({ code, message: refusalText(locale, { code, key }) ?? key });
}

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  // The transport's own codes (no domain code), as callers of every procedure expect, in the reader's language.
  if (!ctx.actor) throw transportRefusal(ctx.locale, "UNAUTHORIZED", "signIn");
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
  if (ctx.actor.role !== "admin") throw transportRefusal(ctx.locale, "FORBIDDEN", "adminConsoleOnly");
  return next();
});
