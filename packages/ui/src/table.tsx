import type { ComponentProps } from "react";
import { cn } from "./cn";

export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="relative w-full overflow-x-auto">
      <table className={cn("w-full caption-bottom border-collapse text-sm", className)} {...props} />
    </div>
  );
}
export function TableHeader(props: ComponentProps<"thead">) {
  return <thead className="border-b border-border bg-muted/50" {...props} />;
}
export function TableBody(props: ComponentProps<"tbody">) {
  return <tbody className="[&_tr:last-child]:border-0" {...props} />;
}
export function TableFooter(props: ComponentProps<"tfoot">) {
  return <tfoot className="border-t-2 border-border bg-muted/30 font-semibold" {...props} />;
}
export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("border-b border-border transition-colors hover:bg-muted/40", className)} {...props} />;
}
/** A column's header, or with `scope="row"` a row's (the row's name, in the body's type). */
export function TableHead({
  className,
  numeric,
  scope = "col",
  ...props
}: ComponentProps<"th"> & { numeric?: boolean }) {
  return (
    <th
      scope={scope}
      className={cn(
        "px-3 align-middle",
        scope === "row"
          ? "h-auto py-2.5 text-sm font-medium normal-case tracking-normal text-foreground"
          : "h-10 text-xs font-semibold uppercase tracking-wide text-muted-foreground",
        numeric ? "text-right" : "text-left",
        className,
      )}
      {...props}
    />
  );
}
/** `alignTop`: the cell's content starts at the top of the row (rows of cells of different heights). */
export function TableCell({
  className,
  numeric,
  alignTop,
  ...props
}: ComponentProps<"td"> & { numeric?: boolean; alignTop?: boolean }) {
  return (
    <td
      className={cn(
        "px-3 py-2.5",
        alignTop ? "align-top" : "align-middle",
        numeric && "text-right tabular-nums",
        className,
      )}
      {...props}
    />
  );
}
export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("mt-3 text-left text-sm text-muted-foreground", className)} {...props} />;
}
