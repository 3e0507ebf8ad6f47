import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "./badge";

const TONES: Record<string, BadgeTone> = {
  "source-document": "info",
  "public-record": "success",
  illustrative: "warning",
  entered: "neutral",
};

/** Labels where a figure comes from, so illustrative seed data is never mistaken for history. */
export function ProvenanceBadge({
  provenance,
}: {
  provenance: "source-document" | "public-record" | "illustrative" | "entered";
}) {
  const t = useTranslations("provenance");
  if (provenance === "entered") return null;
  return (
    <Badge tone={TONES[provenance]} title={provenance === "illustrative" ? t("illustrativeHint") : undefined}>
      {t(provenance)}
    </Badge>
  );
}
