import { localized } from "@portal/domain";
import {
  Card,
  formatIsoDate,
  ProvenanceBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { StandingBadge } from "./standing-badge";
import type { TrackerView } from "./treaty-views";

/** Each tracked state's instruments, stockpile, production and withdrawal, with its standing on the tracker's date. */
export function StatesTable({ tracker }: { tracker: TrackerView }) {
  const t = useTranslations("treaty");
  const locale = useLocale();
  const format = useFormatter();
  const date = (iso: string, precision: "day" | "month" | "year" = "day") => formatIsoDate(format, iso, precision);
  /** A date of the state's record, or "—" when there is none. */
  const dated = (iso: string | null | undefined) => (iso ? date(iso) : t("none"));
  return (
    <Card>
      <Table data-testid="treaty-table">
        <TableCaption className="px-3 pb-3">{t("tableCaption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("state")}</TableHead>
            <TableHead>{t("standingOn", { date: date(tracker.on) })}</TableHead>
            <TableHead>{t("signed")}</TableHead>
            <TableHead>{t("deposited")}</TableHead>
            <TableHead>{t("entryIntoForce")}</TableHead>
            <TableHead>{t("stockpileDeadline")}</TableHead>
            <TableHead>{t("stockpileCompleted")}</TableHead>
            <TableHead>{t("producer")}</TableHead>
            <TableHead>{t("withdrawal")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {tracker.states.map((s) => (
            <TableRow key={s.iso2} data-testid={`treaty-row-${s.iso2}`}>
              <TableHead scope="row">{localized(s, "name", locale)}</TableHead>
              <TableCell className="whitespace-nowrap">
                <StandingBadge standing={s.standing} />
              </TableCell>
              <TableCell className="whitespace-nowrap">{dated(s.treaty?.signedOn)}</TableCell>
              <TableCell className="whitespace-nowrap">
                {s.treaty?.depositedOn ? (
                  <>
                    {date(s.treaty.depositedOn)}
                    {s.treaty.joinMethod ? (
                      <div className="text-xs text-muted-foreground">{t(`method.${s.treaty.joinMethod}`)}</div>
                    ) : null}
                  </>
                ) : (
                  t("none")
                )}
              </TableCell>
              <TableCell className="whitespace-nowrap">{dated(s.treaty?.entryIntoForceOn)}</TableCell>
              <TableCell className="whitespace-nowrap">{dated(s.treaty?.stockpileDeadlineOn)}</TableCell>
              <TableCell className="whitespace-nowrap">
                {s.stockpile ? (
                  <div className="flex flex-col items-start gap-1">
                    <span>{date(s.stockpile.completedOn, s.stockpile.precision)}</span>
                    <ProvenanceBadge provenance={s.stockpile.provenance} />
                  </div>
                ) : (
                  t("none")
                )}
              </TableCell>
              <TableCell>
                {s.producer ? (
                  <div className="flex flex-col items-start gap-1">
                    <span>{t(`producerStatus.${s.producer.status}`)}</span>
                    <ProvenanceBadge provenance={s.producer.provenance} />
                  </div>
                ) : (
                  t("notProducer")
                )}
              </TableCell>
              <TableCell className="whitespace-nowrap text-xs">
                {s.treaty?.withdrawalEffectiveOn ? (
                  <>
                    {s.treaty.withdrawalNotifiedOn ? (
                      <div>{t("withdrawalNotified", { date: date(s.treaty.withdrawalNotifiedOn) })}</div>
                    ) : null}
                    <div>{t("withdrawalEffective", { date: date(s.treaty.withdrawalEffectiveOn) })}</div>
                  </>
                ) : (
                  t("none")
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
