import { fiscalYearLabel, localized } from "@portal/domain";
import {
  Card,
  Money,
  ProvenanceBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { allocationHref } from "@/budget-links";
import type { BudgetReviewView } from "./budget-review-view";
import { FigureLink } from "./figure-link";

/** The year's allocations, programme by programme, each committed and disbursed figure opening what is behind it. */
export function ProgrammeTable({ review }: { review: BudgetReviewView }) {
  const t = useTranslations("budgets");
  const ta = useTranslations("adminBudgets");
  const tc = useTranslations("common");
  const locale = useLocale();
  const label = fiscalYearLabel(review.fiscalYear);
  const money = (amount: number) => <Money amount={amount} currency="CAD" locale={locale} />;
  return (
    <Card>
      <Table data-testid="budget-table">
        <TableCaption className="px-3 pb-3">
          {t("fyLabel", { label })} · {ta("figuresOpen")}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("programme")}</TableHead>
            <TableHead numeric>{t("allocated")}</TableHead>
            <TableHead numeric>{t("committed")}</TableHead>
            <TableHead numeric>{t("disbursed")}</TableHead>
            <TableHead numeric>{t("available")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {review.lines.map((line) => {
            const href = allocationHref(line.allocationId);
            const programme = `${line.programme.code} ${label}`;
            return (
              <TableRow key={line.allocationId} data-testid={`budget-row-${line.programme.code}`}>
                <TableCell>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={href} className="font-medium link">
                      {localized(line.programme, "name", locale)}
                    </Link>
                    <span className="text-xs text-muted-foreground">{line.programme.code}</span>
                    <ProvenanceBadge provenance={line.provenance} />
                  </div>
                  {line.programme.parentCode ? (
                    <div className="text-xs text-muted-foreground">
                      {t("partOf", { parent: line.programme.parentCode })}
                    </div>
                  ) : null}
                </TableCell>
                <TableCell numeric data-testid="allocated">
                  {money(line.allocated)}
                </TableCell>
                <TableCell numeric data-testid="committed">
                  <FigureLink
                    amount={line.committed}
                    href={href}
                    description={ta("committedOf", { name: programme })}
                  />
                </TableCell>
                <TableCell numeric data-testid="disbursed">
                  <FigureLink
                    amount={line.disbursed}
                    href={href}
                    description={ta("disbursedOf", { name: programme })}
                  />
                </TableCell>
                <TableCell numeric data-testid="available">
                  {money(line.available)}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
        <TableFooter>
          <TableRow data-testid="budget-totals">
            <TableCell>{tc("total")}</TableCell>
            <TableCell numeric>{money(review.totals.allocated)}</TableCell>
            <TableCell numeric>{money(review.totals.committed)}</TableCell>
            <TableCell numeric>{money(review.totals.disbursed)}</TableCell>
            <TableCell numeric>{money(review.totals.available)}</TableCell>
          </TableRow>
        </TableFooter>
      </Table>
    </Card>
  );
}
