import type { DbOrTx } from "@portal/db";
import { unsubscribeInput } from "@portal/domain";
import { refusal } from "../../errors";
import { unsubscribe } from "./user-settings";

/** What RFC 8058 says a one-click POST carries, so a stray POST (a scanner, a form elsewhere) unsubscribes no one. */
const ONE_CLICK_FIELD = "List-Unsubscribe";
const ONE_CLICK_VALUE = "One-Click";

/**
 * The List-Unsubscribe-Post endpoint: a mail client (or the provider, on the reader's behalf) POSTs
 * `List-Unsubscribe=One-Click` to the address in the header. No sign-in and no cookie: the signed token in the address
 * names the person and the category. Same effect and audit event as the confirmation page's button.
 */
export async function oneClickUnsubscribe(
  db: DbOrTx,
  { token, form }: { token: string | null; form: FormData | null },
) {
  const parsed = unsubscribeInput.safeParse({ token: token ?? "" });
  if (!parsed.success) throw refusal("VALIDATION", "unsubscribeLinkNotValid", {}, "token");
  if (form?.get(ONE_CLICK_FIELD) !== ONE_CLICK_VALUE) {
    throw refusal("VALIDATION", "oneClickExpected", {}, ONE_CLICK_FIELD);
  }
  return unsubscribe(db, parsed.data);
}

/** The endpoint's whole answer, shared by the portal's route file and the tests: the layer maps refusals. */
export async function oneClickUnsubscribeResponse(db: DbOrTx, request: Request, url: URL): Promise<Response> {
  const form = await request.formData().catch(() => null);
  const { category } = await oneClickUnsubscribe(db, { token: url.searchParams.get("token"), form });
  return new Response(`Unsubscribed: ${category}\n`, {
    status: 200,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
