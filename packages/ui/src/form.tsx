import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "./cn";

const inputVariants = cva(
  "flex h-9 rounded-md border border-input px-3 py-1 shadow-xs placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive",
  {
    variants: {
      // "muted": a value shown, not typed (read-only); "code": a link or token to copy.
      tone: { default: "bg-background text-sm", muted: "bg-muted/40 text-sm", code: "bg-background font-mono text-xs" },
      // Not wide: the caller gives the width.
      wide: { true: "w-full", false: "" },
    },
    defaultVariants: { tone: "default", wide: true },
  },
);

export function Input({
  className,
  tone,
  wide,
  ...props
}: ComponentProps<"input"> & VariantProps<typeof inputVariants>) {
  return <input className={cn(inputVariants({ tone, wide }), className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "flex h-9 rounded-md border border-input bg-background px-2 py-1 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
        className,
      )}
      {...props}
    />
  );
}

export function Label({ className, ...props }: ComponentProps<"label">) {
  return <label className={cn("text-sm font-medium", className)} {...props} />;
}

export function FieldError({ id, children }: { id: string; children?: React.ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="text-sm text-destructive">
      {children}
    </p>
  );
}
