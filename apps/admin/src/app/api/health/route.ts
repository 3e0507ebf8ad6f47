import { healthResponse } from "@portal/api/availability";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return healthResponse();
}
