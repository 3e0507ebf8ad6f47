"use client";

import { Alert, Button, Label, Select } from "@portal/ui";
import { useFieldIds } from "@portal/ui/field";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { MembershipCapability } from "@portal/domain";
import { CapabilityCheckboxes } from "@/components/capability-checkboxes";
import { refusalMessage } from "@/components/mutation-error";
import { useApiMutation } from "@/trpc/client";

/** One membership: its capabilities (saved together) and a button to take the partner out of the organisation. */
function MembershipRow({
  userId,
  organisationId,
  organisationLabel,
  capabilities,
}: {
  userId: string;
  organisationId: string;
  organisationLabel: string;
  capabilities: MembershipCapability[];
}) {
  const t = useTranslations("adminUsers");
  const router = useRouter();
  const save = useApiMutation((api) => api.users.saveMembership.mutate);
  const remove = useApiMutation((api) => api.users.removeMembership.mutate);
  const [value, setValue] = useState<MembershipCapability[]>(capabilities);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const pending = save.isPending || remove.isPending || refreshing;
  const changed = [...value].sort().join() !== [...capabilities].sort().join();
  return (
    <div className="flex flex-col gap-3 rounded-md border border-border p-4" data-testid="membership">
      <h3 className="font-medium">{organisationLabel}</h3>
      <CapabilityCheckboxes
        idPrefix={`membership-${organisationId}`}
        legend={t("capabilitiesAt", { organisation: organisationLabel })}
        value={value}
        onChange={(next) => {
          setSaved(false);
          setValue(next);
        }}
        disabled={pending}
      />
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          size="sm"
          disabled={!changed || pending}
          onClick={async () => {
            setError(null);
            try {
              await save.mutateAsync({ userId, organisationId, capabilities: value });
              setSaved(true);
              startTransition(() => router.refresh());
            } catch (caught) {
              setError(refusalMessage(caught, {}, t("changeFailed")));
            }
          }}
        >
          {t("saveCapabilities")}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="outline"
          disabled={pending}
          onClick={async () => {
            setError(null);
            try {
              await remove.mutateAsync({ userId, organisationId });
              startTransition(() => router.refresh());
            } catch (caught) {
              setError(refusalMessage(caught, { CONFLICT: t("lastMembership") }, t("changeFailed")));
            }
          }}
        >
          {t("removeMembership")}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground" aria-live="polite">
        {saved && !changed ? t("capabilitiesSaved") : ""}
      </p>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}

/** Adds the partner to another organisation. */
function AddMembership({ userId, organisations }: { userId: string; organisations: { id: string; label: string }[] }) {
  const t = useTranslations("adminUsers");
  const fieldId = useFieldIds();
  const router = useRouter();
  const save = useApiMutation((api) => api.users.saveMembership.mutate);
  const [organisationId, setOrganisationId] = useState("");
  const [capabilities, setCapabilities] = useState<MembershipCapability[]>(["view"]);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, startTransition] = useTransition();
  if (organisations.length === 0) return null;
  return (
    <form
      className="flex flex-col gap-3 rounded-md border border-dashed border-border p-4"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        if (!organisationId) {
          setError(t("chooseOrganisation"));
          return;
        }
        try {
          await save.mutateAsync({ userId, organisationId, capabilities });
          setOrganisationId("");
          setCapabilities(["view"]);
          startTransition(() => router.refresh());
        } catch (caught) {
          setError(refusalMessage(caught, {}, t("changeFailed")));
        }
      }}
    >
      <h3 className="font-medium">{t("addMembership")}</h3>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={fieldId("add-membership-organisation")}>{t("organisation")}</Label>
        <Select
          id={fieldId("add-membership-organisation")}
          value={organisationId}
          onChange={(event) => setOrganisationId(event.target.value)}
        >
          <option value="">{t("chooseOrganisationOption")}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </Select>
      </div>
      <CapabilityCheckboxes
        idPrefix="add-membership"
        legend={t("capabilitiesLabel")}
        value={capabilities}
        onChange={setCapabilities}
      />
      {error ? <Alert>{error}</Alert> : null}
      <div>
        <Button type="submit" size="sm" disabled={save.isPending || refreshing}>
          {t("addMembershipSubmit")}
        </Button>
      </div>
    </form>
  );
}

export { MembershipRow, AddMembership };
