"use client";

import { MEMBERSHIP_CAPABILITIES, type MembershipCapability } from "@portal/domain";
import { useTranslations } from "next-intl";
import { useId } from "react";

export const CAPABILITIES = MEMBERSHIP_CAPABILITIES;
export type Capability = MembershipCapability;

/**
 * The capability choices as a fieldset of checkboxes. "view" is always on; a manager can only give what they have
 * themselves, so the others are disabled (and explained) otherwise.
 */
export function CapabilityCheckboxes({
  legend,
  value,
  onChange,
  allowed,
  disabled,
  describedBy,
}: {
  legend: string;
  value: readonly Capability[];
  onChange: (next: Capability[]) => void;
  allowed: readonly Capability[];
  disabled?: boolean;
  describedBy?: string;
}) {
  const t = useTranslations("members");
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-1.5" aria-describedby={describedBy}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {CAPABILITIES.map((capability) => {
        const fixed = capability === "view";
        const notMine = !allowed.includes(capability);
        const checked = fixed || value.includes(capability);
        return (
          <label key={capability} htmlFor={`${id}-${capability}`} className="flex items-start gap-2 text-sm">
            <input
              id={`${id}-${capability}`}
              type="checkbox"
              className="mt-0.5 size-4 accent-[var(--color-primary)]"
              checked={checked}
              disabled={disabled || fixed || (notMine && !checked)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...new Set<Capability>([...value, capability])]
                    : value.filter((c) => c !== capability),
                )
              }
              data-testid={`capability-${capability}`}
            />
            <span>
              {t(`capabilities.${capability}`)}
              {notMine && !fixed ? <span className="block text-xs text-muted-foreground">{t("notYours")}</span> : null}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
