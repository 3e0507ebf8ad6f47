import { createGrantInput, isCurrencyCode, parseMoney } from "@portal/domain";
import { z } from "zod";

const amountText = z.string();
const formShape = z.object({
  reference: z.string(),
  recipientId: z.string(),
  titleEn: z.string(),
  titleFr: z.string(),
  purposeEn: z.string(),
  purposeFr: z.string(),
  currency: z.string(),
  exchangeRateToCad: z.string(),
  totalAmount: amountText,
  startsOn: z.string(),
  endsOn: z.string(),
  leadOfficerId: z.string(),
  components: z.array(
    z.object({
      titleEn: z.string(),
      titleFr: z.string(),
      descriptionEn: z.string(),
      descriptionFr: z.string(),
      amount: amountText,
    }),
  ),
  fundingLines: z.array(z.object({ allocationId: z.string(), amount: amountText })),
});

/** What the form holds: amounts exactly as the person typed them, in their own locale. */
export type GrantFormValues = z.input<typeof formShape>;

/**
 * The form's schema is the API's own input schema, preceded by one step that turns typed amounts into cents:
 * validation rules have one source of truth, and the form only owns the parsing of what was typed.
 */
export function grantFormSchema(locale: string, invalidAmount: string) {
  return formShape
    .transform((values, ctx) => {
      const cents = (value: string, currency: string, path: (string | number)[]) => {
        const parsed = value.trim() === "" ? null : parseMoney(value, currency, locale);
        if (parsed === null) ctx.addIssue({ code: "custom", path, message: invalidAmount });
        return parsed ?? 0;
      };
      const currency = isCurrencyCode(values.currency.trim().toUpperCase())
        ? values.currency.trim().toUpperCase()
        : "CAD";
      const converted: z.input<typeof createGrantInput> = {
        ...values,
        leadOfficerId: values.leadOfficerId || null,
        totalAmount: cents(values.totalAmount, currency, ["totalAmount"]),
        components: values.components.map((c, i) => ({
          ...c,
          amount: cents(c.amount, currency, ["components", i, "amount"]),
        })),
        // Funding lines draw on CAD allocations whatever the grant's currency.
        fundingLines: values.fundingLines.map((l, i) => ({
          ...l,
          amount: cents(l.amount, "CAD", ["fundingLines", i, "amount"]),
        })),
      };
      return converted;
    })
    .pipe(createGrantInput);
}

export type GrantFormOutput = z.output<typeof createGrantInput>;
