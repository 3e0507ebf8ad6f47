/**
 * Whether the demo (accounts with the published password, illustrative records) is loaded: always for the embedded
 * zero-setup database, never for a configured one (DATABASE_URL) or in production mode unless asked for explicitly
 * with `--demo` or PORTAL_DEMO_DATA=1.
 */
export function wantsDemoData(options: { embedded: boolean; production: boolean; demoFlag: boolean }): boolean {
  if (options.demoFlag || process.env.PORTAL_DEMO_DATA === "1") return true;
  return options.embedded && !options.production;
}
