"use client";

import { formatAmountInput } from "@portal/domain";
import { Button, intlLocale } from "@portal/ui";
import { useForm } from "@portal/ui/use-form";
import { useLocale, useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import type { AmendmentFormValues as Values } from "./amendment-form-values";

/** The grant as a proposal may change it, from the service (instalments not paid, reports not accepted). */
export interface AmendableGrant {
  startsOn: string;
  endsOn: string;
  totalAmount: number;
  disbursed: number;
  components: { id: string; titleEn: string; titleFr: string; amount: number }[];
  fundingLines: { allocationId: string; amount: number; disbursed: number; programme: string; fiscalYear: number }[];
  payments: { id: string; sequence: number; dueOn: string; amount: number }[];
  requirements: { id: string; kind: "narrative" | "financial"; stage: "interim" | "final"; dueOn: string }[];
  /** Allocations of the officer's programmes a new funding line may draw on. */
  newAllocations: { allocationId: string; programme: string; fiscalYear: number; available: number }[];
}

// The proposal's fields and checks are a chunk of their own: the grant page opens with the button only.
const loadProposal = () => import("./amendment-proposal");
const AmendmentProposal = dynamic(() => loadProposal().then((m) => m.AmendmentProposal));

/** Proposes an amendment, behind a button; the figures start at their current values. */
function ProposeAmendmentForm({
  grantId,
  currency,
  current,
}: {
  grantId: string;
  currency: string;
  current: AmendableGrant;
}) {
  const t = useTranslations("amendments");
  const numberLocale = intlLocale(useLocale());
  const [open, setOpen] = useState(false);
  // Fetched right after hydration, so opening the form does not wait for the network.
  useEffect(() => void loadProposal().catch(() => undefined), []);
  const typed = (amount: number, inCurrency = currency) => formatAmountInput(amount, inCurrency, numberLocale);
  // No schema: the proposal's rules are the server's; the proposal's handler only reads what was typed.
  const form = useForm<Values>({
    defaultValues: {
      endsOn: current.endsOn,
      totalAmount: typed(current.totalAmount),
      components: current.components.map((c) => ({ amount: typed(c.amount) })),
      newComponents: [],
      fundingLines: current.fundingLines.map((l) => ({ allocationId: l.allocationId, amount: typed(l.amount, "CAD") })),
      payments: current.payments.map((p) => ({ dueOn: p.dueOn, amount: typed(p.amount) })),
      requirements: current.requirements.map((r) => ({ dueOn: r.dueOn })),
      reason: "",
    },
  });
  if (!open) {
    return (
      <Button type="button" variant="outline" onClick={() => setOpen(true)} data-testid="amendment-open">
        {t("form.open")}
      </Button>
    );
  }
  return (
    <AmendmentProposal
      form={form}
      grantId={grantId}
      currency={currency}
      current={current}
      onClose={() => setOpen(false)}
    />
  );
}

export { ProposeAmendmentForm };
