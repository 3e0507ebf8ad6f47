import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A message box; `data-testid` rather than role=alert in tests, since Next's route announcer also has that role. */
export function Alert({
  className,
  tone = "danger",
  ...props
}: ComponentProps<"div"> & { tone?: "danger" | "info" | "warning" }) {
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      className={cn(
        "rounded-md border px-4 py-3 text-sm",
        tone === "danger" && "border-red-200 bg-red-50 text-red-900",
        tone === "warning" && "border-amber-200 bg-amber-50 text-amber-900",
        tone === "info" && "border-sky-200 bg-sky-50 text-sky-900",
        className,
      )}
      {...props}
    />
  );
}
