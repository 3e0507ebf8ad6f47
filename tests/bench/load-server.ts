/**
 * The server of the scale bench's HTTP runs (a child process, so the load generator does not share its CPU time and
 * its memory is the server's own): the web router over HTTP through tRPC's fetch adapter, as the app's route mounts
 * it, for a fixed officer (signing in is measured elsewhere), the two CSV exports streamed with backpressure, and a
 * minimal handler beside them as the floor.
 */
import { createServer } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { webRouter } from "@portal/api";
import { csvStream, grantListExport, paymentsExport } from "@portal/api/services";
import { createDb } from "@portal/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { actorFor } from "../integration/support/actors";

const db = createDb(process.env.DATABASE_URL!, { max: 10 });
const actor = (await actorFor(db, "officer"))!;

const identity = <T extends string>(keys: readonly T[]) => Object.fromEntries(keys.map((k) => [k, k])) as Record<T, T>;
const text = { locale: "en" as const, fileBase: "bench", sheetName: "Bench" };
const exports: Record<string, () => Promise<ReadableStream<Uint8Array>>> = {
  "/export/payments": async () =>
    csvStream(
      await paymentsExport(
        db,
        actor,
        {
          ...text,
          headers: identity([
            "kind",
            "date",
            "grantReference",
            "grantTitle",
            "description",
            "status",
            "currency",
            "amount",
          ]),
          kind: (k) => k,
          status: (s) => s,
        },
        "csv",
      ),
    ),
  "/export/grants": async () =>
    csvStream(
      await grantListExport(
        db,
        actor,
        { sort: "fiscalYear", direction: "desc" },
        {
          ...text,
          headers: identity([
            "reference",
            "title",
            "recipient",
            "recipientAcronym",
            "country",
            "programmes",
            "fiscalYears",
            "startsOn",
            "endsOn",
            "status",
            "currency",
            "amount",
            "disbursed",
            "remaining",
          ]),
          status: (s) => s,
        },
        "csv",
      ),
    ),
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (url.pathname === "/floor") {
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    return;
  }
  const exportOf = exports[url.pathname];
  if (exportOf) {
    // As a route handler's streamed Response is sent: pulled only as fast as the socket drains.
    void exportOf().then((body) => {
      res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
      return pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), res);
    });
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
