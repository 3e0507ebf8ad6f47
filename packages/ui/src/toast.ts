"use client";

/**
 * Success messages, drawn by the toaster both root layouts mount after hydration (lazy-toaster.tsx). sonner is
 * imported when a message is shown, not with the form that shows it: it is the same module instance the toaster
 * loaded, so the message reaches it, and no form page ships sonner in its first-load JavaScript.
 */
export const toast = {
  success(message: string): void {
    void import("sonner").then((sonner) => sonner.toast.success(message));
  },
};
