export interface StartArgs {
  /** `next dev` instead of build + `next start`. */
  dev: boolean;
  /** Use the existing production build. */
  build: boolean;
}

export function parseStartArgs(argv: string[]): StartArgs {
  const args: StartArgs = { dev: false, build: true };
  for (const arg of argv) {
    if (arg === "--dev") args.dev = true;
    else if (arg === "--no-build") args.build = false;
    else if (arg === "--help" || arg === "-h") {
      console.log(
        [
          "npm start [-- --no-build | --dev]",
          "  Starts PostgreSQL (embedded in .data/pg unless DATABASE_URL is set), migrates, seeds, builds and starts",
          "  the portal (PORT, default 3000) and the admin console (ADMIN_PORT, default 3001).",
          "  --no-build  reuse the existing build    --dev  run `next dev` instead",
          "  Env: DATABASE_URL, PORTAL_DB_PORT (54329), AUTH_SECRET, PORTAL_URL, ADMIN_URL, PORTAL_DB_LOG=1",
        ].join("\n"),
      );
      process.exit(0);
    } else throw new Error(`Unknown option ${arg} (try --help)`);
  }
  return args;
}
