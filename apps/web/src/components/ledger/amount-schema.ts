import { parseMoney } from "@portal/domain";
import { z } from "zod";

/** A typed amount in the reader's locale, turned into minor units (or an error naming the field). */
export function typedAmount(locale: string, currency: string, message: string) {
  return z.string().transform((value, ctx) => {
    const cents = parseMoney(value, currency, locale);
    if (cents === null || cents <= 0) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return cents;
  });
}

export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
