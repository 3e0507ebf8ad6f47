"use client";

import { ErrorScreen } from "@portal/ui/status-screens";

export default function Error({ reset }: { error: Error; reset: () => void }) {
  return <ErrorScreen reset={reset} />;
}
