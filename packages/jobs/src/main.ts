/**
 * `npm run worker`: the background worker as its own process (production runs one or more beside the apps; `npm
 * start` runs one for you). Needs DATABASE_URL; SMTP_URL, MAIL_FROM and MAIL_REPLY_TO are optional.
 */
import { getDb } from "@portal/db/runtime";
import { mailEnv } from "./env";
import { createMailer } from "./mailer";
import { startWorker } from "./worker";

async function main(): Promise<void> {
  const db = getDb(); // validates DATABASE_URL, naming it when missing or malformed
  const mail = mailEnv();
  const mailer = createMailer(mail);
  const dispatchSeconds = Number(process.env.WORKER_DISPATCH_SECONDS ?? 5);
  if (!Number.isInteger(dispatchSeconds) || dispatchSeconds < 1 || dispatchSeconds > 3600) {
    throw new Error("WORKER_DISPATCH_SECONDS must be a whole number of seconds between 1 and 3600");
  }
  const worker = await startWorker({ databaseUrl: process.env.DATABASE_URL!, db, mailer, dispatchSeconds });
  console.log(
    mailer
      ? `worker started: e-mail goes out through ${new URL(mail.smtpUrl!).host}`
      : "worker started: SMTP_URL is not set, e-mails are kept in the outbox (admin console, Jobs and e-mail page)",
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`worker stopping (${signal})`);
    worker
      .stop()
      .then(() => getDb().close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`worker could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
