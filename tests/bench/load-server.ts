/**
 * The server of the scale bench's load run (a child process, so the load generator does not share its CPU time):
 * the web router over HTTP through tRPC's fetch adapter, as the app's route mounts it, for a fixed officer (signing
 * in is measured elsewhere), and a minimal handler beside it as the floor.
 */
import { createServer } from "node:http";
import { webRouter } from "@portal/api";
import { createDb } from "@portal/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { actorFor } from "../integration/support/actors";

const db = createDb(process.env.DATABASE_URL!, { max: 10 });
const actor = await actorFor(db, "officer");

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (url.pathname === "/floor") {
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    return;
  }
  const request = new Request(url, { method: req.method, headers: req.headers as Record<string, string> });
  void fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: webRouter,
    createContext: () => ({ db, actor, locale: "en" as const }),
  }).then(async (response) => {
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
process.on("SIGTERM", () => {
  server.close();
  void db.close().then(() => process.exit(0));
});
