import { formatAmountInput, localized } from "@portal/domain";
import { intlLocale, PageHeader } from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import { ConferenceForm } from "@/components/conferences/conference-form";
import { requireCapability } from "@/server/require";
import { loadConference } from "@/server/records";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, locale, t] = await Promise.all([params, getLocale(), getTranslations("conferences")]);
  return { title: t("form.editTitle", { title: localized(await loadConference(id), "title", locale) }) };
}

export default async function EditConferencePage({ params }: { params: Promise<{ id: string }> }) {
  await requireCapability("conferences.manage");
  const [{ id }, t, locale] = await Promise.all([params, getTranslations("conferences.form"), getLocale()]);
  const c = await loadConference(id);
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
