"use client";

import { Alert, Button, type buttonVariants } from "@portal/ui";
import { ConfirmDialog, type ConfirmText } from "@portal/ui/confirm-dialog";
import type { VariantProps } from "class-variance-authority";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/**
 * A button for an action; when the action needs a reason (or a response), it first opens a small inline form for it.
 * Plain HTML controls, so it is usable from the keyboard. An action that moves money or cannot be undone passes
 * `confirm` and is asked about in a dialog first.
 */
export function ReasonAction({
  label,
  reasonLabel,
  needsReason,
  onConfirm,
  pending,
  error,
  variant = "outline",
  testId,
  confirm,
}: {
  label: string;
  reasonLabel?: string;
  needsReason: boolean;
  onConfirm: (reason: string) => Promise<boolean>;
  pending: boolean;
  error: string | null;
  variant?: VariantProps<typeof buttonVariants>["variant"];
  testId?: string;
  confirm?: ConfirmText;
}) {
  const t = useTranslations("ledger");
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  if (!needsReason) {
    const button = (
      <Button
        type="button"
        size="sm"
        variant={variant}
        disabled={pending}
        onClick={confirm ? undefined : () => void onConfirm("")}
        data-testid={testId}
      >
        {label}
      </Button>
    );
    return (
      <span className="inline-flex flex-col gap-2">
        {confirm ? (
          <ConfirmDialog
            trigger={button}
            text={confirm}
            destructive={variant === "destructive"}
            onConfirm={() => void onConfirm("")}
          />
        ) : (
          button
        )}
        {error ? <Alert>{error}</Alert> : null}
      </span>
    );
  }
  if (!open) {
    return (
      <Button type="button" size="sm" variant={variant} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
    );
  }
  return (
    <form
      className="flex w-full max-w-md flex-col gap-2 rounded-md border border-border p-3"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await onConfirm(reason)) {
          setOpen(false);
          setReason("");
        }
      }}
    >
      <label htmlFor={id} className="text-sm font-medium">
        {reasonLabel ?? t("reason")}
      </label>
      <textarea
        id={id}
        required
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        className="rounded-md border border-input px-3 py-2 text-sm"
        autoFocus
      />
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending || reason.trim() === ""}>
          {label}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
