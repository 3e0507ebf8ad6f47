import { localized } from "@portal/domain";
import { TableCell } from "@portal/ui";
import Link from "next/link";

/** A dashboard row's grant: its reference, linking to the grant, over a line saying whose or what it is. */
export function GrantCell({ id, reference, title }: { id: string; reference: string; title: string }) {
  return (
    <TableCell>
      <Link href={`/grants/${id}`} className="font-medium link">
        {reference}
      </Link>
      <div className="text-xs text-muted-foreground">{title}</div>
    </TableCell>
  );
}

/** A recipient as dashboards name it: its acronym, else its legal name in the reader's language. */
export function recipientLabel(
  row: { recipientAcronym: string | null; recipientNameEn: string; recipientNameFr: string },
  locale: string,
): string {
  return row.recipientAcronym ?? localized(row, "recipientName", locale);
}
