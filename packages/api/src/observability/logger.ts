import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

/**
 * Paths whose values never reach the log: credentials, session material and the personal data a request may carry.
 * Error objects are logged with their message and stack; the bound parameters of a failed query are cut (they are
 * the person's input).
 */
export const REDACTED_PATHS = [
  "password",
  "*.password",
  "newPassword",
  "*.newPassword",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "email",
  "*.email",
  "name",
  "*.name",
  "headers.cookie",
  "headers.authorization",
  "*.headers.cookie",
  "*.headers.authorization",
];

/**
 * Errors as the log keeps them. A failed query keeps its SQL text, SQLSTATE and constraint but not its bound
 * parameters (the person's input: names, e-mails, report text); anything else keeps message, stack and causes.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error).slice(0, 500) };
  const withQuery = error as Error & { query?: unknown; params?: unknown };
  const driver = error.cause as
    { code?: string; constraint_name?: string; table_name?: string; routine?: string; message?: string } | undefined;
  if (typeof withQuery.query === "string" && withQuery.params !== undefined) {
    return {
      type: error.name,
      query: withQuery.query.slice(0, 2000),
      code: driver?.code,
      constraint: driver?.constraint_name,
      table: driver?.table_name,
      routine: driver?.routine,
      stack: error.stack
        ?.split("\n")
        .filter((line) => line.trimStart().startsWith("at "))
        .slice(0, 8)
        .join("\n"),
    };
  }
  return pino.stdSerializers.errWithCause(error);
}

function level(): string {
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  // Tests provoke failures on purpose; their log would bury the test output.
  return process.env.VITEST ? "silent" : "info";
}

function createLogger(): Logger {
  const options = {
    level: level(),
    base: { service: "portal" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: { err: serializeError },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  // JSON lines in production (for the log collector); readable lines while developing. pino-pretty runs in-process
  // (no worker thread), which Next's server bundles do not support.
  if (process.env.NODE_ENV === "production") return pino(options);
  return pino(options, pretty({ sync: true, colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" }));
}

// One logger per server process, kept on globalThis so Next's dev reloads do not stack streams.
const holder = globalThis as unknown as { __portalLogger?: Logger };

/** The server log: JSON in production, pretty in development, silent under vitest unless LOG_LEVEL says otherwise. */
export function logger(): Logger {
  holder.__portalLogger ??= createLogger();
  return holder.__portalLogger;
}
