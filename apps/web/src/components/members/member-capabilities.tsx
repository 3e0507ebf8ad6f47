"use client";

import { Alert, Button } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRefreshingMutation } from "@/components/ledger/use-refreshing-mutation";
import { useApiMutation } from "@/trpc/client";
import { type Capability, CapabilityCheckboxes } from "./capability-checkboxes";

/** A manager changes a colleague's rights: edit, then save (audited); their own rights are not editable here. */
function MemberCapabilities({
  membershipId,
  name,
  capabilities,
  myCapabilities,
}: {
  membershipId: string;
  name: string;
  capabilities: Capability[];
  myCapabilities: Capability[];
}) {
  const t = useTranslations("members");
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<Capability[]>(capabilities);
  const [saved, setSaved] = useState(false);
  const update = useRefreshingMutation(
    useApiMutation((api) => api.members.updateCapabilities.mutate).mutateAsync,
    t("saveFailed"),
  );
  if (!editing) {
    return (
      <div className="flex flex-col items-start gap-1">
        <Button
          type="button"
          size="sm"
          variant="outline"
          onClick={() => {
            setValue(capabilities);
            setSaved(false);
            setEditing(true);
          }}
          aria-label={t("changeRightsOf", { name })}
        >
          {t("changeRights")}
        </Button>
        {saved ? (
          <span className="text-xs text-muted-foreground" role="status">
            {t("saved")}
          </span>
        ) : null}
      </div>
    );
  }
  return (
    <form
      className="flex min-w-64 flex-col gap-3 rounded-md border border-border p-3"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await update.run({ membershipId, capabilities: value })) {
          setEditing(false);
          setSaved(true);
        }
      }}
    >
      <CapabilityCheckboxes
        legend={t("rightsOf", { name })}
        value={value}
        onChange={setValue}
        allowed={myCapabilities}
      />
      {update.error ? <Alert>{update.error}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={update.pending}>
          {t("save")}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

export { MemberCapabilities };
