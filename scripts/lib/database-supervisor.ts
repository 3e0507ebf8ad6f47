import type { EmbeddedPostgres } from "@portal/db/embedded";
import { say, warn } from "./log";

const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 5 * 60_000;

/**
 * Watches the embedded PostgreSQL: when it dies (a crash, kill -9 of the postmaster), it is started again on the same
 * data folder, and the apps' pools reconnect on their next query. After MAX_RESTARTS within RESTART_WINDOW_MS it
 * gives up and calls `giveUp`, which stops everything with a non-zero exit.
 */
export function superviseEmbedded(options: {
  server: EmbeddedPostgres;
  restart: () => Promise<EmbeddedPostgres>;
  isStopping: () => boolean;
  giveUp: (reason: string) => void;
  onRestarted: (server: EmbeddedPostgres) => void;
}): void {
  const restarts: number[] = [];
  const watch = (server: EmbeddedPostgres) => {
    void server.exited.then(async ({ code, signal }) => {
      if (options.isStopping()) return;
      const how = signal ?? `code ${code}`;
      const now = Date.now();
      while (restarts.length && now - (restarts[0] ?? 0) > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        options.giveUp(`PostgreSQL exited (${how}) for the ${MAX_RESTARTS + 1}th time in 5 minutes: stopping`);
        return;
      }
      restarts.push(now);
      warn(`PostgreSQL exited unexpectedly (${how}): restarting it; the apps answer 503 meanwhile`);
      try {
        const next = await options.restart();
        if (options.isStopping()) {
          await next.stop();
          return;
        }
        say("PostgreSQL is back: the apps reconnect on their next request");
        options.onRestarted(next);
        watch(next);
      } catch (error) {
        options.giveUp(`PostgreSQL could not be restarted: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  };
  watch(options.server);
}
