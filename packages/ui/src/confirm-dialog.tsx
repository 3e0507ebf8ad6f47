"use client";

import { Slot } from "@radix-ui/react-slot";
import { type ReactNode, useRef, useState } from "react";
import type { ConfirmDialogContent } from "./confirm-dialog-content";

export interface ConfirmText {
  title: string;
  description: string;
  confirmLabel: string;
  cancelLabel: string;
}

type Content = typeof ConfirmDialogContent;

let loading: Promise<Content> | undefined;
/** The dialog's chunk, fetched once per tab; a failed fetch is tried again on the next use. */
function loadContent(): Promise<Content> {
  return (loading ??= import("./confirm-dialog-content").then(
    (module) => module.ConfirmDialogContent,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

/**
 * Asks before an action that moves money or cannot be undone. The page ships only the trigger: the dialog (Radix's
 * AlertDialog, see `confirm-dialog-content`) is fetched when the pointer or focus reaches the trigger, and opens
 * as soon as it is there when the trigger is used before.
 */
export function ConfirmDialog({
  trigger,
  text,
  destructive = false,
  onConfirm,
}: {
  trigger: ReactNode;
  text: ConfirmText;
  destructive?: boolean;
  onConfirm: () => void;
}) {
  const [Dialog, setDialog] = useState<Content | null>(null);
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLElement>(null);
  const load = () => {
    loadContent().then(
      (loaded) => setDialog(() => loaded),
      () => setOpen(false),
    );
  };
  return (
    <>
      <Slot
        ref={triggerRef}
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={load}
        onFocus={load}
        onClick={() => {
          setOpen(true);
          load();
        }}
      >
        {trigger}
      </Slot>
      {Dialog ? (
        <Dialog
          open={open}
          onOpenChange={setOpen}
          returnFocus={triggerRef}
          text={text}
          destructive={destructive}
          onConfirm={onConfirm}
        />
      ) : null}
    </>
  );
}
