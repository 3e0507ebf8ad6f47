import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DomainError, domainErrorMessage, refusal } from "./errors";

const source = fileURLToPath(new URL(".", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative(source, path)] : [];
  });
}

describe("refusals are written from the catalogues", () => {
  // `new DomainError(code, "English sentence")` reaches French readers in English; `refusal(code, key, params)` is
  // the one way to refuse, and it builds the error in errors.ts. A TRPCError's own message is English too.
  it("no service builds a DomainError or a TRPCError with a sentence of its own", () => {
    const offenders = sourceFiles(source)
      .filter((file) => file !== "errors.ts")
      .flatMap((file) =>
        readFileSync(join(source, file), "utf8")
          .split("\n")
          .flatMap((line, index) =>
            /new DomainError\(|new TRPCError\(.*message: ["'`]/.test(line)
              ? [`${file}:${index + 1}: ${line.trim()}`]
              : [],
          ),
      );
    expect(offenders).toEqual([]);
  });

  // `schema.parse(input)` throws a ZodError whose message is written once, in the reader's language; through a route
  // handler that is all the refusal keeps. parseInput refuses with the sentence in both languages.
  it("no service parses its input with a schema's own parse", () => {
    const offenders = sourceFiles(source)
      .filter((file) => file !== "parse-input.ts")
      .flatMap((file) =>
        readFileSync(join(source, file), "utf8")
          .split("\n")
          .flatMap((line, index) =>
            /(?<!JSON|Date|Number)\.parse\(/.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [],
          ),
      );
    expect(offenders).toEqual([]);
  });

  it("every refusal carries its catalogue key, and French readers get the French sentence with its parameters", () => {
    const error = refusal("PAYMENT_DATE_OUT_OF_RANGE", "paymentDateBeforeStart", { startsOn: { date: "2002-04-01" } });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.detail?.key).toBe("paymentDateBeforeStart");
    expect(error.message).toBe("This grant starts on Apr 1, 2002; a payment cannot be dated before it.");
    expect(domainErrorMessage(error, "fr")).toBe(
      "Cette subvention commence le 1 avr. 2002 ; un versement ne peut pas être daté d'avant.",
    );
  });
});
