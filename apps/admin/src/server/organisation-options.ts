import { localized } from "@portal/domain";
import "server-only";
import { getApi } from "./caller";

/** Every organisation as a choice for a select ("ICBL — International Campaign to Ban Landmines"), by name. */
export async function organisationOptions(locale: string): Promise<{ id: string; label: string }[]> {
  const api = await getApi();
  const { rows } = await api.organisations.list({ page: 1, pageSize: 200 });
  const collator = new Intl.Collator(locale === "fr" ? "fr-CA" : "en-CA");
  return rows
    .map((o) => {
      const name = localized(o, "legalName", locale);
      return { id: o.id, label: o.acronym ? `${o.acronym} — ${name}` : name };
    })
    .sort((a, b) => collator.compare(a.label, b.label));
}
