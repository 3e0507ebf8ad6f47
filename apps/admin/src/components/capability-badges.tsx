import { Badge } from "@portal/ui";
import { getTranslations } from "next-intl/server";

/** A membership's capabilities as badges, in the reader's language. */
export async function CapabilityBadges({ capabilities }: { capabilities: readonly string[] }) {
  const t = await getTranslations("adminUsers");
  return (
    <span className="flex flex-wrap gap-1">
      {capabilities.map((capability) => (
        <Badge key={capability} tone={capability === "view" ? "neutral" : "info"}>
          {t(`capabilities.${capability}` as "capabilities.view")}
        </Badge>
      ))}
    </span>
  );
}
