import { Money } from "@portal/ui";
import { useLocale } from "next-intl";
import Link from "next/link";

/**
 * A figure that opens the grants and disbursements behind it. What it opens is added for screen readers after the
 * amount, so the link's name starts with what is seen (WCAG 2.5.3: a voice user says the amount to follow it).
 */
export function FigureLink({ amount, href, description }: { amount: number; href: string; description: string }) {
  return (
    <Link href={href} className="link">
      <Money amount={amount} currency="CAD" locale={useLocale()} />
      <span className="sr-only">, {description}</span>
    </Link>
  );
}
