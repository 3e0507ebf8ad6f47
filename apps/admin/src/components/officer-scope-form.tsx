"use client";

import { OUTSIDE_PROGRAMME_ACCESS, type OutsideProgrammeAccess } from "@portal/domain";
import { Alert, Button } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { refusalMessage } from "@/components/mutation-error";
import { useApiMutation } from "@/trpc/client";

export interface ScopeProgramme {
  id: string;
  label: string;
  depth: number;
  parentId: string | null;
}

/**
 * An officer's programmes (a fund covers its programmes) and what they see of grants outside them, saved together.
 * The server applies it on the officer's next request.
 */
function OfficerScopeForm({
  userId,
  programmes,
  assigned,
  outside,
}: {
  userId: string;
  programmes: ScopeProgramme[];
  assigned: string[];
  outside: OutsideProgrammeAccess;
}) {
  const t = useTranslations("officerScope");
  const router = useRouter();
  const save = useApiMutation((api) => api.users.setOfficerScope.mutate);
  const [chosen, setChosen] = useState<string[]>(assigned);
  const [access, setAccess] = useState<OutsideProgrammeAccess>(outside);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const pending = save.isPending || refreshing;
  const changed = access !== outside || [...chosen].sort().join() !== [...assigned].sort().join();
  const toggle = (id: string, on: boolean) => {
    setSaved(false);
    setChosen((current) => (on ? [...new Set([...current, id])] : current.filter((existing) => existing !== id)));
  };
  return (
    <form
      className="flex flex-col gap-4"
      data-testid="officer-scope-form"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        setSaved(false);
        try {
          await save.mutateAsync({ userId, programmeIds: chosen, outsideProgrammes: access });
          setSaved(true);
          startTransition(() => router.refresh());
        } catch (caught) {
          setError(refusalMessage(caught, { VALIDATION: t("notOfficer") }, t("saveFailed")));
        }
      }}
    >
      <fieldset className="flex flex-col gap-2" disabled={pending}>
        <legend className="mb-1 text-sm font-medium">{t("programmesLegend")}</legend>
        {programmes.map((programme) => {
          const id = `scope-programme-${programme.id}`;
          const viaFund = programme.parentId !== null && chosen.includes(programme.parentId);
          return (
            <div key={programme.id} className={`flex items-start gap-2 ${programme.depth > 0 ? "ml-6" : ""}`}>
              <input
                id={id}
                type="checkbox"
                className="mt-0.5 h-4 w-4 accent-[var(--color-primary)]"
                checked={chosen.includes(programme.id) || viaFund}
                disabled={viaFund}
                onChange={(event) => toggle(programme.id, event.target.checked)}
              />
              <label htmlFor={id} className="text-sm">
                {programme.label}
                {viaFund ? <span className="block text-xs text-muted-foreground">{t("coveredByFund")}</span> : null}
              </label>
            </div>
          );
        })}
      </fieldset>
      <fieldset className="flex flex-col gap-2" disabled={pending}>
        <legend className="mb-1 text-sm font-medium">{t("outsideLegend")}</legend>
        {OUTSIDE_PROGRAMME_ACCESS.map((value) => {
          const id = `scope-outside-${value}`;
          return (
            <div key={value} className="flex items-start gap-2">
              <input
                id={id}
                type="radio"
                name="outsideProgrammes"
                value={value}
                className="mt-0.5 h-4 w-4 accent-[var(--color-primary)]"
                checked={access === value}
                onChange={() => {
                  setSaved(false);
                  setAccess(value);
                }}
              />
              <label htmlFor={id} className="text-sm">
                {t(`outside.${value}`)}
              </label>
            </div>
          );
        })}
      </fieldset>
      {chosen.length === 0 ? <p className="text-sm text-muted-foreground">{t("noProgrammeWarning")}</p> : null}
      <div>
        <Button type="submit" disabled={!changed || pending} data-testid="save-officer-scope">
          {t("save")}
        </Button>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {saved && !error ? (
        <Alert tone="info" data-testid="officer-scope-saved">
          {t("saved")}
        </Alert>
      ) : null}
    </form>
  );
}

export { OfficerScopeForm };
