import type { AmendmentField } from "@portal/domain";
import { Button, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { GrantCell, recipientLabel } from "./grant-cell";

interface AmendmentRow {
  amendmentId: string;
  grantId: string;
  reference: string;
  recipientAcronym: string | null;
  recipientNameEn: string;
  recipientNameFr: string;
  reason: string;
  proposedBy: string;
  proposedAt: Date;
  changedFields: AmendmentField[];
  path: string;
}

/** Amendments another officer proposed on grants this officer manages: who, when, what they change, where to decide. */
export async function AmendmentsToApprove({ rows }: { rows: AmendmentRow[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("dashboard"), getFormatter(), getLocale()]);
  return (
    <Table className="relative">
      <TableHeader>
        <TableRow>
          <TableHead>{t("columns.grant")}</TableHead>
          <TableHead>{t("columns.proposedBy")}</TableHead>
          <TableHead>{t("columns.changes")}</TableHead>
          <TableHead className="sr-only">{t("columns.action")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.amendmentId} data-testid={`amendment-${row.reference}`}>
            <GrantCell id={row.grantId} reference={row.reference} title={recipientLabel(row, locale)} />
            <TableCell>
              {row.proposedBy}
              <div className="text-xs text-muted-foreground">
                {format.dateTime(row.proposedAt, { dateStyle: "medium" })}
              </div>
            </TableCell>
            <TableCell>
              {row.changedFields.map((field) => t(`amendmentFields.${field}`)).join(", ")}
              <div className="line-clamp-2 text-xs text-muted-foreground">{row.reason}</div>
            </TableCell>
            <TableCell>
              <Button asChild size="sm" variant="outline">
                <Link href={row.path}>{t("decideAction")}</Link>
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
