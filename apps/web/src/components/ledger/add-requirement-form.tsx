"use client";

import { isIsoDate } from "@portal/domain";
import { Alert, Button, Input, Select } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useApiMutation } from "@/trpc/client";
import { useRefreshingMutation } from "./use-refreshing-mutation";

function AddRequirementForm({ grantId }: { grantId: string }) {
  const t = useTranslations("ledger");
  const tg = useTranslations("grants");
  const { run, error, pending } = useRefreshingMutation(
    useApiMutation((api) => api.requirements.add.mutate).mutateAsync,
    t("failed"),
  );
  const [kind, setKind] = useState<"narrative" | "financial">("narrative");
  const [stage, setStage] = useState<"interim" | "final">("interim");
  const [dueOn, setDueOn] = useState("");
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await run({ grantId, kind, stage, dueOn })) setDueOn("");
      }}
    >
      <label className="flex flex-col gap-1.5 text-sm font-medium">
        {tg("kind")}
        <Select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="narrative">{tg("reportKind.narrative")}</option>
          <option value="financial">{tg("reportKind.financial")}</option>
        </Select>
      </label>
      <label className="flex flex-col gap-1.5 text-sm font-medium">
        {tg("stage")}
        <Select value={stage} onChange={(e) => setStage(e.target.value as typeof stage)}>
          <option value="interim">{tg("reportStage.interim")}</option>
          <option value="final">{tg("reportStage.final")}</option>
        </Select>
      </label>
      <label className="flex flex-col gap-1.5 text-sm font-medium">
        {tg("dueOn")}
        <Input type="date" required value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
      </label>
      <Button type="submit" variant="outline" disabled={pending || !isIsoDate(dueOn)}>
        {t("addRequirement")}
      </Button>
      {error ? <Alert className="w-full">{error}</Alert> : null}
    </form>
  );
}

export { AddRequirementForm };
