// The production server of one app: Next's standalone output, served by our own HTTP server so that SIGTERM drains.
// Usage: node scripts/next-server.mjs <app's standalone folder>   (PORT, HOSTNAME, KEEP_ALIVE_TIMEOUT as for Next)
//
// It does what the generated server.js does (same config, same request handler, next 16.4.6 is pinned), and on SIGTERM
// or SIGINT: stops accepting connections, lets in-flight requests finish (at most SHUTDOWN_GRACE_SECONDS, default 25),
// closes Next and the database pool, then exits 0. Plain JavaScript: it must run from a deployment without tsx.
import { readFileSync } from "node:fs";
import http from "node:http";
import module from "node:module";
import path from "node:path";

const appDir = path.resolve(process.argv[2] ?? ".");
const port = Number.parseInt(process.env.PORT ?? "", 10) || 3000;
const hostname = process.env.HOSTNAME || "0.0.0.0";
const keepAlive = Number.parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? "", 10);
const graceMs = (Number.parseInt(process.env.SHUTDOWN_GRACE_SECONDS ?? "", 10) || 25) * 1000;
const say = (message) => console.log(`[server] ${message}`);

const { config } = JSON.parse(readFileSync(path.join(appDir, ".next", "required-server-files.json"), "utf8"));
process.env.NODE_ENV = "production";
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
process.env.PORTAL_RUNNING_BUILD_ID = readFileSync(path.join(appDir, ".next", "BUILD_ID"), "utf8").trim();
// Next would exit on these at once; we drain first.
process.env.NEXT_MANUAL_SIG_HANDLE = "true";
process.chdir(appDir);

const require = module.createRequire(path.join(appDir, "server.js"));
require("next");
const { getRequestHandlers } = require("next/dist/server/lib/start-server");

let inFlight = 0;
let idle = () => {};
let handle = null;
const server = http.createServer((req, res) => {
  inFlight++;
  res.once("close", () => {
    inFlight--;
    if (inFlight === 0) idle();
  });
  if (shuttingDown) res.setHeader("Connection", "close"); // keep-alive clients reconnect elsewhere
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
if (Number.isFinite(keepAlive) && keepAlive >= 0) server.keepAliveTimeout = keepAlive;

const handlers = await getRequestHandlers({
  dir: appDir,
  port,
  hostname,
  isDev: false,
  minimalMode: false,
  server,
  keepAliveTimeout: server.keepAliveTimeout,
});
handle = handlers.requestHandler;
server.on("upgrade", (req, socket, head) => handlers.upgradeHandler(req, socket, head).catch(() => socket.destroy()));
await new Promise((resolve, reject) => {
  server.once("error", reject);
  server.listen(port, hostname, resolve);
});
say(`listening on http://${hostname}:${port} (build ${process.env.PORTAL_RUNNING_BUILD_ID}, pid ${process.pid})`);

let shuttingDown = false;
async function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  say(`${signal}: draining ${inFlight} request(s)`);
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  const drained = inFlight === 0 ? Promise.resolve() : new Promise((resolve) => (idle = resolve));
  const timedOut = await Promise.race([drained.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut) say(`${inFlight} request(s) still running after ${graceMs / 1000} s: closing them`);
  server.closeAllConnections();
  await closed;
  await handlers.server?.close().catch((error) => console.error(error));
  // The pool lives on globalThis (packages/db/src/runtime.ts) and is shared by every bundle in this process.
  await globalThis.__portalDb?.close().catch((error) => console.error(error));
  say("stopped");
  process.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void shutdown(signal));

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
