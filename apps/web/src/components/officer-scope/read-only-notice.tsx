import type { ReadOnlyReason } from "@portal/domain";
import { Alert } from "@portal/ui";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** Why an officer may read this grant but is offered none of its actions (officer programme scope). */
export async function ReadOnlyNotice({ reason }: { reason: ReadOnlyReason | null }) {
  if (reason === null) return null;
  const t = await getTranslations("officerScope");
  return (
    <Alert tone="info" data-testid="read-only-notice">
      <strong>{t("readOnlyTitle")}</strong> {t(`readOnly.${reason}`)}{" "}
      <Link href="/budget" className="link">
        {t("myProgrammesLink")}
      </Link>
    </Alert>
  );
}
