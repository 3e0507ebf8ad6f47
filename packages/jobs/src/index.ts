export { startWorker, type Worker, type WorkerOptions } from "./worker";
export { tickSchedules } from "./scheduler";
export { deliverPendingEmails, MAX_SEND_ATTEMPTS } from "./deliver-emails";
export { createMailer, type Mailer, unsubscribeHeaders } from "./mailer";
export { mailEnv } from "./env";
export { HANDLERS } from "./handlers";
export { QUEUES, RETRY } from "./queues";
