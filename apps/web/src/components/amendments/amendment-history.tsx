import type { AmendmentChange, AmendmentDecisionAction, AmendmentStatus } from "@portal/domain";
import { fiscalYearLabel, localized } from "@portal/domain";
import { Badge, CardContent, Money, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AmendmentDecisions } from "./amendment-decisions";

interface AmendmentView {
  id: string;
  number: number | null;
  status: AmendmentStatus;
  reason: string;
  changes: AmendmentChange[];
  proposedAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
  proposedBy: string | null;
  decidedBy: string | null;
  availableActions: AmendmentDecisionAction[];
}

/** A component or funding line that was not there before (0 before) or is not there after (0 after). */
function addedOrRemoved(change: Extract<AmendmentChange, { field: "component" | "fundingLine" }>) {
  const kind = change.field === "component" ? "component" : "fundingLine";
  if (change.before === 0) return `${kind}Added` as const;
  if (change.after === 0) return `${kind}Removed` as const;
  return null;
}

const TONE = { pending: "warning", approved: "success", rejected: "danger", withdrawn: "neutral" } as const;

/** Each amendment, newest first: who proposed and decided it and when, its reason, and every field before and after. */
export async function AmendmentHistory({ amendments, currency }: { amendments: AmendmentView[]; currency: string }) {
  const [t, tg, ts, locale, format] = await Promise.all([
    getTranslations("amendments"),
    getTranslations("grants"),
    getTranslations("grantStatus"),
    getLocale(),
    getFormatter(),
  ]);
  const date = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const when = (at: Date) => format.dateTime(at, { dateStyle: "medium" });
  const money = (amount: number, inCurrency = currency) =>
    amount === 0 ? t("absent") : <Money amount={amount} currency={inCurrency} locale={locale} />;

  function label(change: AmendmentChange): string {
    switch (change.field) {
      case "component":
        return t(`fields.${addedOrRemoved(change) ?? "component"}`, { title: localized(change, "title", locale) });
      case "fundingLine":
        return t(`fields.${addedOrRemoved(change) ?? "fundingLine"}`, {
          programme: change.programme,
          fiscalYear: fiscalYearLabel(change.fiscalYear),
        });
      case "paymentDueOn":
      case "paymentAmount":
        return t(`fields.${change.field}`, { sequence: change.sequence });
      case "requirementDueOn":
        return t("fields.requirementDueOn", {
          kind: tg(`reportKind.${change.kind}`),
          stage: tg(`reportStage.${change.stage}`),
        });
      default:
        return t(`fields.${change.field}`);
    }
  }
  function value(change: AmendmentChange, side: "before" | "after"): ReactNode {
    switch (change.field) {
      case "status":
        return ts(change[side]);
      case "endsOn":
      case "paymentDueOn":
      case "requirementDueOn":
        return date(change[side]);
      case "fundingLine":
        return money(change[side], "CAD");
      default:
        return money(change[side]);
    }
  }

  return (
    <CardContent className="flex flex-col gap-6">
      {amendments.map((amendment) => (
        <article
          key={amendment.id}
          className="flex flex-col gap-2"
          data-testid={amendment.number ? `amendment-${amendment.number}` : `amendment-${amendment.status}`}
        >
          <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold">
            {amendment.number ? t("numbered", { number: amendment.number }) : t("proposal")}
            <Badge tone={TONE[amendment.status]}>{t(`status.${amendment.status}`)}</Badge>
          </h3>
          <p className="text-xs text-muted-foreground">
            {amendment.proposedBy
              ? t("proposedBy", { name: amendment.proposedBy, date: when(amendment.proposedAt) })
              : t("proposedOn", { date: when(amendment.proposedAt) })}
            {amendment.decidedAt ? " · " : null}
            {amendment.decidedAt && amendment.status === "approved"
              ? amendment.decidedBy
                ? t("approvedBy", { name: amendment.decidedBy, date: when(amendment.decidedAt) })
                : t("approvedOn", { date: when(amendment.decidedAt) })
              : null}
            {amendment.decidedAt && amendment.status === "rejected"
              ? t("rejectedBy", { name: amendment.decidedBy ?? "", date: when(amendment.decidedAt) })
              : null}
            {amendment.decidedAt && amendment.status === "withdrawn"
              ? t("withdrawnBy", { name: amendment.decidedBy ?? "", date: when(amendment.decidedAt) })
              : null}
          </p>
          <p className="text-sm">
            <span className="text-muted-foreground">{t("reason")}:</span> {amendment.reason}
          </p>
          {amendment.decisionReason ? (
            <p className="text-sm">
              <span className="text-muted-foreground">{t("decisionReason")}:</span> {amendment.decisionReason}
            </p>
          ) : null}
          <Table data-testid="amendment-changes">
            <TableHeader>
              <TableRow>
                <TableHead>{t("field")}</TableHead>
                <TableHead numeric>{t("before")}</TableHead>
                <TableHead numeric>{t("after")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {amendment.changes.map((change, index) => (
                <TableRow key={index}>
                  <TableCell>{label(change)}</TableCell>
                  <TableCell numeric>{value(change, "before")}</TableCell>
                  <TableCell numeric>{value(change, "after")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <AmendmentDecisions amendmentId={amendment.id} actions={amendment.availableActions} />
        </article>
      ))}
    </CardContent>
  );
}
