"use client";

import { Button } from "@portal/ui";

export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="outline" onClick={() => window.print()} data-testid="report-print">
      {label}
    </Button>
  );
}
