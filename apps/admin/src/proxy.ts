import { databaseGate } from "@portal/api/availability";
import { type NextRequest, NextResponse } from "next/server";

/** Passes the requested path to server components, so a sign-in redirect can bring the person back to it. */
export async function proxy(request: NextRequest) {
  // A database outage answers 503 (bilingual page or JSON), never a sign-in redirect.
  const unavailable = await databaseGate(request);
  if (unavailable) return unavailable;
  const headers = new Headers(request.headers);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!_next|favicon.ico|api/health|api/ready).*)"] };
