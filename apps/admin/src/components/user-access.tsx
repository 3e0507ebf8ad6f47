"use client";

import { ROLES, type Role } from "@portal/domain";
import { Alert, Button, Label, Select } from "@portal/ui";
import { useFieldIds } from "@portal/ui/field";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { refusalMessage } from "@/components/mutation-error";
import { useApiMutation } from "@/trpc/client";

/** Changes a user's role; becoming a partner asks for an organisation when they have none. */
function RoleForm({
  userId,
  role,
  hasMemberships,
  disabledReason,
  organisations,
}: {
  userId: string;
  role: Role;
  hasMemberships: boolean;
  disabledReason: string | null;
  organisations: { id: string; label: string }[];
}) {
  const t = useTranslations("adminUsers");
  const fieldId = useFieldIds();
  const tr = useTranslations("common.roles");
  const router = useRouter();
  const change = useApiMutation((api) => api.users.changeRole.mutate);
  const [next, setNext] = useState<Role>(role);
  const [organisationId, setOrganisationId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const needsOrganisation = next === "partner" && role !== "partner" && !hasMemberships;
  return (
    <form
      className="flex flex-col gap-3"
      data-testid="role-form"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        setDone(false);
        if (needsOrganisation && !organisationId) {
          setError(t("chooseOrganisation"));
          return;
        }
        try {
          await change.mutateAsync({ userId, role: next, organisationId: needsOrganisation ? organisationId : null });
          setDone(true);
          startTransition(() => router.refresh());
        } catch (caught) {
          setError(
            refusalMessage(
              caught,
              { FORBIDDEN: t("cannotChangeOwnRole"), CONFLICT: t("lastAdmin") },
              t("changeFailed"),
            ),
          );
        }
      }}
    >
      {disabledReason ? <p className="text-sm text-muted-foreground">{disabledReason}</p> : null}
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={fieldId("user-role")}>{t("role")}</Label>
          <Select
            id={fieldId("user-role")}
            value={next}
            disabled={disabledReason !== null}
            onChange={(event) => setNext(event.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </Select>
        </div>
        {needsOrganisation ? (
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={fieldId("user-role-organisation")}>{t("organisation")}</Label>
            <Select
              id={fieldId("user-role-organisation")}
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
        ) : null}
        <Button
          type="submit"
          disabled={disabledReason !== null || next === role || change.isPending || refreshing}
          data-testid="change-role"
        >
          {t("changeRole")}
        </Button>
      </div>
      {role === "partner" && next !== "partner" ? (
        <p className="text-xs text-muted-foreground">{t("leavingPartnerHint")}</p>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
      {done && !error ? (
        <Alert tone="info" data-testid="role-changed">
          {t("roleChanged")}
        </Alert>
      ) : null}
    </form>
  );
}

/** Deactivates (after a confirmation) or reactivates a user; effective on their next request. */
function ActiveToggle({
  userId,
  active,
  disabledReason,
}: {
  userId: string;
  active: boolean;
  disabledReason: string | null;
}) {
  const t = useTranslations("adminUsers");
  const router = useRouter();
  const setActive = useApiMutation((api) => api.users.setActive.mutate);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, startTransition] = useTransition();
  const confirmId = useId();
  const pending = setActive.isPending || refreshing;
  async function run(next: boolean) {
    setError(null);
    try {
      await setActive.mutateAsync({ userId, active: next });
      setConfirming(false);
      startTransition(() => router.refresh());
    } catch (caught) {
      setError(
        refusalMessage(caught, { FORBIDDEN: t("cannotDeactivateSelf"), CONFLICT: t("lastAdmin") }, t("changeFailed")),
      );
    }
  }
  if (active && disabledReason) return <p className="text-sm text-muted-foreground">{disabledReason}</p>;
  return (
    <div className="flex flex-col gap-3">
      {!active ? (
        <div>
          <Button type="button" onClick={() => run(true)} disabled={pending} data-testid="reactivate">
            {t("reactivate")}
          </Button>
        </div>
      ) : confirming ? (
        <div
          className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3"
          role="group"
          aria-labelledby={confirmId}
        >
          <p id={confirmId} className="text-sm">
            {t("deactivateConfirm")}
          </p>
          <div className="flex gap-2">
            <Button
              type="button"
              variant="destructive"
              onClick={() => run(false)}
              disabled={pending}
              autoFocus
              data-testid="confirm-deactivate"
            >
              {t("deactivate")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button type="button" variant="outline" onClick={() => setConfirming(true)} data-testid="deactivate">
            {t("deactivate")}
          </Button>
        </div>
      )}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}

export { RoleForm, ActiveToggle };
