import { localized } from "@portal/domain";
import type { AdminRouter } from "@portal/api";
import type { inferRouterOutputs } from "@trpc/server";

type Options = inferRouterOutputs<AdminRouter>["organisations"]["formOptions"];

/** The form's choices in the reader's language: IATI types by code, countries sorted by their name in it. */
export function organisationChoices(options: Options, locale: string, t: (key: `iati.${string}`) => string) {
  const collator = new Intl.Collator(locale === "fr" ? "fr-CA" : "en-CA");
  return {
    iatiTypes: options.iatiTypes.map((type) => ({ code: type.code, label: t(`iati.${type.key}`) })),
    countries: options.countries
      .map((country) => ({ code: country.code, name: localized(country, "name", locale) }))
      .sort((a, b) => collator.compare(a.name, b.name)),
  };
}
