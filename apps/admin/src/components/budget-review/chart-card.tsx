import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@portal/ui";
import type { ReactNode } from "react";

/** A titled card holding a chart, whose caption (by `captionId`) describes the chart to screen readers. */
export function ChartCard({
  title,
  caption,
  captionId,
  children,
}: {
  title: string;
  caption: string;
  captionId: string;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription id={captionId}>{caption}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">{children}</CardContent>
    </Card>
  );
}
