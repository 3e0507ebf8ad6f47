"use client";

import { useTranslations } from "next-intl";
import { MEMBERSHIP_CAPABILITIES, type MembershipCapability } from "@portal/domain";

/** The capability checkboxes of a membership; "view" is always on (every member sees their organisation). */
export function CapabilityCheckboxes({
  idPrefix,
  legend,
  value,
  onChange,
  disabled,
}: {
  idPrefix: string;
  legend: string;
  value: readonly MembershipCapability[];
  onChange: (next: MembershipCapability[]) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("adminUsers");
  return (
    <fieldset className="flex flex-col gap-2" disabled={disabled}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {MEMBERSHIP_CAPABILITIES.map((capability) => {
        const id = `${idPrefix}-${capability}`;
        const always = capability === "view";
        return (
          <div key={capability} className="flex items-start gap-2">
            <input
              id={id}
              type="checkbox"
              className="mt-0.5 h-4 w-4 accent-[var(--color-primary)]"
              checked={always || value.includes(capability)}
              disabled={always}
              aria-describedby={`${id}-hint`}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...new Set([...value, capability])]
                    : value.filter((existing) => existing !== capability),
                )
              }
            />
            <label htmlFor={id} className="text-sm">
              {t(`capabilities.${capability}`)}
              <span id={`${id}-hint`} className="block text-xs text-muted-foreground">
                {t(`capabilityHints.${capability}`)}
              </span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
