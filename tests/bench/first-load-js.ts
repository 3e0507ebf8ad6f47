/**
 * `npm run bench -- --first-load-js [--build]`: the JavaScript a browser downloads to show each page for the first
 * time, read from the build output of both apps and compared with a bare Next.js app (tests/bench/bare-next) built
 * by the same Next.js, measured the same way: the root chunks every page loads (build-manifest rootMainFiles) plus
 * the chunks of the page's own segments (the page and its layouts, from its client reference manifest), each file
 * counted once, gzipped. `--build` builds the bare app first (the apps are built by `npm run build`).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createContext, runInContext } from "node:vm";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BARE = path.join(import.meta.dirname, "bare-next");
/** The target: no page ships more than this multiple of the bare app's first-load JS. */
export const FIRST_LOAD_LIMIT = 1.3;

/** Names in a chunk that say which heavy package it carries (for the "why" column). */
const MARKERS: [string, RegExp][] = [
  // The client's own strings: the name "TRPCClientError" alone is also in `isApiError`, which ships without it.
  ["tRPC", /httpBatchLink|No fetch implementation found/],
  ["react-query", /QueryClientProvider|No QueryClient set/],
  ["zod", /\$ZodType|ZodError/],
  ["recharts", /recharts-wrapper|ResponsiveContainer/],
  ["superjson", /SuperJSON|registerCustom/],
  ["react-hook-form", /useFormContext|shouldUnregister/],
];

export interface PageWeight {
  route: string;
  gzipBytes: number;
  files: string[];
}

interface Manifest {
  entryJSFiles?: Record<string, string[]>;
}

async function* manifests(folder: string): AsyncGenerator<string> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* manifests(full);
    else if (entry.name === "page_client-reference-manifest.js") yield full;
  }
}

/** First-load JS per page of one built Next.js app (its `.next` folder). */
export async function pageWeights(nextDir: string): Promise<PageWeight[]> {
  const buildManifest = JSON.parse(await readFile(path.join(nextDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const gzipped = new Map<string, number>();
  const sizeOf = async (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) {
      size = gzipSync(await readFile(path.join(nextDir, file))).byteLength;
      gzipped.set(file, size);
    }
    return size;
  };
  const pages: PageWeight[] = [];
  for await (const file of manifests(path.join(nextDir, "server", "app"))) {
    // The manifest is a script that assigns globalThis.__RSC_MANIFEST[route]: run it in a scratch context.
    const scope = createContext({}) as { __RSC_MANIFEST?: Record<string, Manifest> };
    runInContext(await readFile(file, "utf8"), scope);
    for (const [key, manifest] of Object.entries(scope.__RSC_MANIFEST ?? {})) {
      const route = key.replace(/\/page$/, "") || "/";
      if (route.startsWith("/_global-error")) continue;
      const files = [
        ...new Set([...buildManifest.rootMainFiles, ...Object.values(manifest.entryJSFiles ?? {}).flat()]),
      ];
      let gzipBytes = 0;
      for (const chunk of files) gzipBytes += await sizeOf(chunk);
      pages.push({ route, gzipBytes, files });
    }
  }
  return pages.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

async function markersOf(nextDir: string, files: string[]): Promise<string> {
  const found = new Set<string>();
  for (const file of files) {
    const text = await readFile(path.join(nextDir, file), "utf8");
    for (const [name, pattern] of MARKERS) if (pattern.test(text)) found.add(name);
  }
  return [...found].join(", ");
}

export async function runFirstLoadBench(args: string[]) {
  if (args.includes("--build") || !existsSync(path.join(BARE, ".next", "build-manifest.json"))) {
    const built = spawnSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
      cwd: BARE,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (built.status !== 0) throw new Error("the bare Next.js app did not build");
  }
  const [bare] = (await pageWeights(path.join(BARE, ".next"))).filter((p) => p.route === "/");
  if (!bare) throw new Error("the bare app has no / page in its build output");
  const kib = (bytes: number) => (bytes / 1024).toFixed(1);
  console.log(
    `\nfirst-load JS (gzipped; root chunks + the page's segments), bare Next.js app: ${kib(bare.gzipBytes)} KiB`,
  );
  let over = 0;
  for (const app of ["web", "admin"]) {
    const nextDir = path.join(ROOT, "apps", app, ".next");
    if (!existsSync(path.join(nextDir, "build-manifest.json"))) {
      console.log(`${app}: not built (run npm run build first)`);
      continue;
    }
    console.log(`\n${app}`);
    console.log(`${"page".padEnd(48)}${"KiB".padStart(8)}${"x bare".padStart(8)}  heavy packages`);
    for (const page of await pageWeights(nextDir)) {
      const ratio = page.gzipBytes / bare.gzipBytes;
      if (ratio > FIRST_LOAD_LIMIT) over++;
      console.log(
        `${page.route.padEnd(48)}${kib(page.gzipBytes).padStart(8)}${ratio.toFixed(2).padStart(7)}x${ratio > FIRST_LOAD_LIMIT ? "!" : " "} ${await markersOf(nextDir, page.files)}`,
      );
    }
  }
  console.log(`\npages over ${FIRST_LOAD_LIMIT}x the bare app: ${over}`);
}
