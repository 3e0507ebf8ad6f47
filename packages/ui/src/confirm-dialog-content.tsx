"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import type { RefObject } from "react";
import { buttonVariants } from "./button";
import { cn } from "./cn";
import type { ConfirmText } from "./confirm-dialog";

/**
 * The dialog itself, a chunk of its own (Radix's AlertDialog) that `ConfirmDialog` imports when it is first wanted.
 * Radix traps focus inside, starts on Cancel (the safe choice) and closes on Escape; focus goes back to the button
 * that opened it, which lives outside Radix (`returnFocus`).
 */
export function ConfirmDialogContent({
  open,
  onOpenChange,
  returnFocus,
  text,
  destructive,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocus: RefObject<HTMLElement | null>;
  text: ConfirmText;
  destructive: boolean;
  onConfirm: () => void;
}) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-950/40" />
        <AlertDialog.Content
          className="fixed left-1/2 top-1/2 z-50 flex w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col gap-3 rounded-lg border border-border bg-background p-6 shadow-lg"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocus.current?.focus();
          }}
        >
          <AlertDialog.Title className="text-lg font-semibold">{text.title}</AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-muted-foreground">
            {text.description}
          </AlertDialog.Description>
          <div className="mt-2 flex justify-end gap-2">
            <AlertDialog.Cancel className={buttonVariants({ variant: "outline" })}>
              {text.cancelLabel}
            </AlertDialog.Cancel>
            <AlertDialog.Action
              className={cn(buttonVariants({ variant: destructive ? "destructive" : "default" }))}
              onClick={onConfirm}
            >
              {text.confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
