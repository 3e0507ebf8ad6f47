"use client";

import { Toaster as Sonner } from "sonner";

/** Where success messages appear: bottom right, announced politely to screen readers (sonner's live region). */
export function Toaster() {
  return <Sonner position="bottom-right" richColors closeButton toastOptions={{ duration: 5000 }} />;
}
