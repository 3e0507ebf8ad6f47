export interface StartArgs {
  /** `next dev` instead of build + the standalone servers. */
  dev: boolean;
  /** Build what changed (turbo reuses unchanged builds); false: use the existing build as is. */
  build: boolean;
  /** Load the demo even on a configured database (DATABASE_URL) or in production mode. */
  demo: boolean;
}

export function parseStartArgs(argv: string[]): StartArgs {
  const args: StartArgs = { dev: false, build: true, demo: false };
  for (const arg of argv) {
    if (arg === "--dev") args.dev = true;
    else if (arg === "--no-build") args.build = false;
    else if (arg === "--demo") args.demo = true;
    else if (arg === "--help" || arg === "-h") {
      console.log(
        [
          "npm start [-- --no-build | --dev | --demo]",
          "  Starts PostgreSQL (embedded in .data/pg unless DATABASE_URL is set), migrates, seeds, builds what changed and",
          "  starts the portal (PORT, default 3000) and the admin console (ADMIN_PORT, default 3001).",
          "  The embedded database gets the demo; DATABASE_URL gets reference data only unless --demo (PORTAL_DEMO_DATA=1).",
          "  --no-build  reuse the existing build    --dev  run `next dev` instead    --demo  load the demo data",
          "  Env: DATABASE_URL, DATABASE_OWNER_URL, PORTAL_DB_PORT (54329), AUTH_SECRET, PORTAL_URL, ADMIN_URL,",
          "       PORTAL_DB_LOG=1. For production, see DEPLOYING.md (npm run build, npm run start:web / start:admin).",
        ].join("\n"),
      );
      process.exit(0);
    } else throw new Error(`Unknown option ${arg} (try --help)`);
  }
  return args;
}
