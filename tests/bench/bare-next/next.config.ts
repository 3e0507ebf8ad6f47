import type { NextConfig } from "next";

// Built by tests/bench/first-load-js.ts with the monorepo's Next.js, as the floor the apps' first-load JS is compared with.
const config: NextConfig = { typescript: { ignoreBuildErrors: true } };

export default config;
