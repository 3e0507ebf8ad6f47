import { readyResponse } from "@portal/api/availability";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return readyResponse();
}
