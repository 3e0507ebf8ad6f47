"use client";

import { Input, Label } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";

export interface CountryOption {
  iso2: string;
  name: string;
}

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/**
 * Choosing several of some 250 states: a filter box and a list of checkboxes (keyboard: type to filter, Tab into the
 * list, Space to tick), with the chosen states listed above as removable chips.
 */
export function CountryPicker({
  id,
  label,
  options,
  value,
  onChange,
  error,
  loading = false,
}: {
  id: string;
  /** Names the list of checkboxes for assistive technology. */
  label: string;
  options: readonly CountryOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
  /** While the list of states is still on its way. */
  loading?: boolean;
}) {
  const t = useTranslations("conferences.form");
  const tc = useTranslations("common");
  const [filter, setFilter] = useState("");
  const listId = useId();
  const byCode = useMemo(() => new Map(options.map((o) => [o.iso2, o.name])), [options]);
  const query = fold(filter.trim());
  const shown = query ? options.filter((o) => fold(o.name).includes(query) || o.iso2.toLowerCase() === query) : options;
  const chosen = new Set(value);
  const toggle = (iso2: string, on: boolean) =>
    onChange(on ? [...value.filter((v) => v !== iso2), iso2] : value.filter((v) => v !== iso2));

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm font-medium" aria-live="polite" data-testid="chosen-count">
        {t("chosenStates", { count: value.length })}
      </p>
      {value.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label={t("chosenStates", { count: value.length })}>
          {value.map((iso2) => (
            <li
              key={iso2}
              className="flex items-center gap-1 rounded-full border border-border bg-muted py-0.5 pl-3 pr-1 text-sm"
            >
              {byCode.get(iso2) ?? iso2}
              <button
                type="button"
                onClick={() => toggle(iso2, false)}
                aria-label={t("removeState", { name: byCode.get(iso2) ?? iso2 })}
                className="rounded-full px-1.5 text-muted-foreground hover:bg-background hover:text-foreground"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex max-w-sm flex-col gap-1.5">
        <Label htmlFor={`${id}-filter`}>{t("findState")}</Label>
        <Input
          id={`${id}-filter`}
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder={t("findStatePlaceholder")}
          aria-controls={listId}
          autoComplete="off"
        />
      </div>
      <div
        id={listId}
        role="group"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="grid max-h-64 gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-border p-3 sm:grid-cols-2 lg:grid-cols-3"
        data-testid={`${id}-options`}
      >
        {loading ? (
          <p className="text-sm text-muted-foreground" role="status">
            {tc("loading")}
          </p>
        ) : shown.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noStateMatches")}</p>
        ) : null}
        {shown.map((o) => (
          <label key={o.iso2} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="h-4 w-4 accent-primary"
              checked={chosen.has(o.iso2)}
              onChange={(event) => toggle(o.iso2, event.target.checked)}
            />
            {o.name}
          </label>
        ))}
      </div>
    </div>
  );
}
