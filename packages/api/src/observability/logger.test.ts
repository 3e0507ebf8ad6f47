import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { REDACTED_PATHS, serializeError } from "./logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = pino(
    { redact: { paths: REDACTED_PATHS, censor: "[redacted]" }, serializers: { err: serializeError } },
    stream,
  );
  return { log, lines };
}

describe("the server log", () => {
  it("redacts credentials and personal data", () => {
    const { log, lines } = capture();
    log.info({ password: "hunter2", input: { email: "a@b.example", token: "t0k3n" }, headers: { cookie: "s=1" } }, "x");
    expect(lines.join("")).not.toMatch(/hunter2|a@b\.example|t0k3n|s=1/);
  });

  it("keeps a failed query's SQL and SQLSTATE but not its bound parameters", () => {
    const { log, lines } = capture();
    const driver = Object.assign(new Error("invalid byte sequence"), { code: "22021", constraint_name: undefined });
    const failed = Object.assign(new Error("Failed query: select $1\nparams: personal@example.org"), {
      query: "select $1",
      params: ["personal@example.org"],
      cause: driver,
    });
    log.error({ err: failed }, "failed");
    const line = lines.join("");
    expect(line).toContain("select $1");
    expect(line).toContain("22021");
    expect(line).not.toContain("personal@example.org");
  });
});
