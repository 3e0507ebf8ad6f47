import { formatAmountInput, localized } from "@portal/domain";
import { intlLocale, PageHeader } from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import { ConferenceForm } from "@/components/conferences/conference-form";
import { getApi } from "@/server/caller";
import { orNotFound } from "@/server/not-found";
import { requireCapability } from "@/server/require";

export const dynamic = "force-dynamic";

export default async function EditConferencePage({ params }: { params: Promise<{ id: string }> }) {
  await requireCapability("conferences.manage");
  const [{ id }, api, t, locale] = await Promise.all([
    params,
    getApi(),
    getTranslations("conferences.form"),
    getLocale(),
  ]);
  const c = await orNotFound(() => api.conferences.byId({ id }));
  const funding = c.funding ?? { kind: "none" as const };
  return (
    <>
      <PageHeader title={t("editTitle", { title: localized(c, "title", locale) })} />
      <ConferenceForm
        conferenceId={c.id}
        version={c.version}
        initial={{
          titleEn: c.titleEn,
          titleFr: c.titleFr,
          descriptionEn: c.descriptionEn,
          descriptionFr: c.descriptionFr,
          city: c.city,
          countryCode: c.countryCode,
          startsOn: c.startsOn,
          endsOn: c.endsOn,
          coHosts: c.coHosts.map((h) => ({
            ref: h.state ? `state:${h.state.iso2}` : `organisation:${h.organisation.id}`,
          })),
          sessions: c.sessions.map(({ themeEn, themeFr, titleEn, titleFr }) => ({
            themeEn,
            themeFr,
            titleEn,
            titleFr,
          })),
          participants: c.participants.map((p) => p.iso2),
          organisationIds: c.organisations.map((o) => o.id),
          outcomes: c.outcomes.map(({ textEn, textFr }) => ({ textEn, textFr })),
          documents: c.documents.map((d) => ({ title: d.title, url: d.url ?? "" })),
          fundingKind: funding.kind,
          grantId: funding.kind === "grant" ? funding.grant.id : "",
          allocationId: funding.kind === "direct" ? funding.allocation.id : "",
          directCost: funding.kind === "direct" ? formatAmountInput(funding.amount, "CAD", intlLocale(locale)) : "",
        }}
      />
    </>
  );
}
