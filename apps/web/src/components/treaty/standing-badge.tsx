import type { TreatyStanding } from "@portal/domain";
import { Badge, type BadgeTone } from "@portal/ui";
import { useTranslations } from "next-intl";

const TONES: Record<TreatyStanding, BadgeTone> = {
  "non-signatory": "neutral",
  signatory: "info",
  "party-pending": "warning",
  "state-party": "success",
  withdrawn: "danger",
};

/** A state's standing under the Convention on some date (computed by the API from the treaty data). */
export function StandingBadge({ standing }: { standing: TreatyStanding }) {
  const t = useTranslations("treaty.standing");
  return (
    <Badge tone={TONES[standing]} data-standing={standing}>
      {t(standing)}
    </Badge>
  );
}
