import { formatMoney } from "@portal/domain";

const LOCALES = { en: "en-CA", fr: "fr-CA" } as const;

export function intlLocale(locale: string): string {
  return LOCALES[locale as keyof typeof LOCALES] ?? "en-CA";
}

/** An amount in minor units, formatted for the reader's language (en-CA "$484,744.00", fr-CA "484 744,00 $"). */
export function Money({
  amount,
  currency,
  locale,
  className,
}: {
  amount: number;
  currency: string;
  locale: string;
  className?: string;
}) {
  return (
    <span className={className} data-amount={amount} data-currency={currency}>
      {formatMoney(amount, currency, intlLocale(locale))}
    </span>
  );
}
