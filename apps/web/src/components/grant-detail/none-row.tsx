import { CardContent } from "@portal/ui";
import { useTranslations } from "next-intl";

/** What a section of the grant page says when it has nothing to list. */
export function NoneYet() {
  const t = useTranslations("grants");
  return <CardContent className="text-sm text-muted-foreground">{t("none")}</CardContent>;
}
