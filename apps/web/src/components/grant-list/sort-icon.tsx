import { cn } from "@portal/ui";

/** Up, down or both arrows for a sortable header (inline SVG; decorative, the header's aria-sort says it). */
export function SortIcon({ direction, className }: { direction: "asc" | "desc" | null; className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 12 12" className={cn("size-3", className)} fill="currentColor">
      <path d="M6 1 9.5 5h-7z" opacity={direction === "desc" ? 0.25 : 1} />
      <path d="M6 11 2.5 7h7z" opacity={direction === "asc" ? 0.25 : 1} />
    </svg>
  );
}
