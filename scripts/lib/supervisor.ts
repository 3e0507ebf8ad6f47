import { warn } from "./log";
import { commandOf, wrapperAncestors } from "./process-command";

type Cleanup = { name: string; run: () => Promise<void>; kill?: () => void };

/**
 * Owns the launcher's shutdown: cleanups run once, newest first (apps before the database they use), on Ctrl-C,
 * SIGTERM, a crashed app, or a start-up error. A second Ctrl-C kills what is left and exits at once.
 */
export class Supervisor {
  private readonly cleanups: Cleanup[] = [];
  private stopping: Promise<never> | null = null;

  get isStopping(): boolean {
    return this.stopping !== null;
  }

  add(name: string, run: () => Promise<void>, kill?: () => void): void {
    this.cleanups.push({ name, run, kill });
  }

  shutdown(code: number, reason?: string): Promise<never> {
    this.stopping ??= (async () => {
      if (reason) warn(reason);
      for (const cleanup of [...this.cleanups].reverse()) {
        try {
          await cleanup.run();
        } catch (error) {
          warn(`stopping ${cleanup.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      process.exit(code);
    })();
    return this.stopping;
  }

  watchSignals(): void {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.on(signal, () => {
        if (this.stopping) {
          for (const cleanup of this.cleanups) cleanup.kill?.();
          process.exit(130);
        }
        console.log(""); // after the terminal's ^C
        void this.shutdown(0, `${signal}: stopping (press Ctrl-C again to force)`);
      });
    }
  }

  /**
   * When a wrapper that started us disappears, stop everything rather than linger as an orphan holding the ports and
   * the database: npm does not forward SIGTERM (it just exits), and tsx's wrapper can be killed with -9.
   */
  watchWrappers(): void {
    const parent = process.ppid;
    const wrappers = wrapperAncestors();
    setInterval(() => {
      const gone = process.ppid !== parent || wrappers.some((pid) => commandOf(pid) === null);
      if (gone) void this.shutdown(1, "the process that started the launcher is gone: stopping");
    }, 1_000).unref();
  }
}
