import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string;
  from: string;
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  language: string;
  messageId: string;
  /** Every header as it came over the wire (lower-case name, value unfolded): List-Unsubscribe and the like. */
  headers: Record<string, string>;
}

/**
 * A real SMTP server in the test process: what the worker sends over the wire arrives here, parsed. `rejectNext(n)`
 * answers the next n messages with a temporary failure (451), as a busy relay would.
 */
export async function startSmtpSink() {
  const received: ReceivedMail[] = [];
  let rejections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      if (rejections > 0) {
        rejections -= 1;
        stream.resume();
        stream.on("end", () => {
          const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
          callback(error);
        });
        return;
      }
      simpleParser(stream)
        .then((mail: ParsedMail) => {
          const address = (field: ParsedMail["to"]) =>
            (Array.isArray(field) ? field : field ? [field] : [])
              .flatMap((a) => a.value.map((v) => v.address ?? ""))
              .join(", ");
          received.push({
            to: address(mail.to),
            from: address(mail.from),
            replyTo: address(mail.replyTo),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            language: (() => {
              const value = mail.headers.get("content-language");
              return typeof value === "string" ? value : "";
            })(),
            messageId: mail.messageId ?? "",
            headers: Object.fromEntries(
              mail.headerLines.map(({ key, line }) => [
                key.toLowerCase(),
                line
                  .slice(line.indexOf(":") + 1)
                  .replace(/\r?\n[ \t]+/g, " ")
                  .trim(),
              ]),
            ),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    rejectNext: (count: number) => {
      rejections = count;
    },
    to: (address: string) => received.filter((mail) => mail.to === address),
    clear: () => {
      received.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Polls until `check` returns a value (the worker runs in the background): no fixed sleeps. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting for the worker");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
