import { SectionEmpty } from "@portal/ui";
import { useTranslations } from "next-intl";

/** What a section of the grant page says when it has nothing to list. */
export function NoneYet() {
  return <SectionEmpty>{useTranslations("grants")("none")}</SectionEmpty>;
}
