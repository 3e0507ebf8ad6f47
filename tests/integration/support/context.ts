/** What the integration globalSetup hands to test files through vitest's provide/inject. */
declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser URL of the test server's maintenance database, used to create and drop databases. */
    testDatabaseAdminUrl: string;
    /** The migrated template every test database is cloned from. */
    testTemplateDatabase: string;
    /** The migrated and seeded template, built on first use by seededTestDatabase(). */
    testSeededTemplateDatabase: string;
    /** Every database of this run starts with it, so leftovers on a shared server can be dropped. */
    testDatabasePrefix: string;
  }
}

export {};
