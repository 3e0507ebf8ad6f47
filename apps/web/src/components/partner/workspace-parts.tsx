import { CardContent, EmptyState, Money } from "@portal/ui";

/** Amounts per currency joined with " + " ("$1,000.00 + CHF 200.00"), or zero dollars when there are none. */
export function Totals({ totals, locale }: { totals: { amount: number; currency: string }[]; locale: string }) {
  if (totals.length === 0) return <Money amount={0} currency="CAD" locale={locale} />;
  return totals.map((row, index) => (
    <span key={row.currency}>
      {index > 0 ? " + " : null}
      <Money amount={row.amount} currency={row.currency} locale={locale} />
    </span>
  ));
}

/** The line under a list that shows its first rows only: how many there are in all. */
export function ListRest({ shown, total, text }: { shown: number; total: number; text: string }) {
  return total > shown ? <p className="px-5 pb-4 text-xs text-muted-foreground">{text}</p> : null;
}

export function EmptyList({ title }: { title: string }) {
  return (
    <CardContent>
      <EmptyState title={title} />
    </CardContent>
  );
}
