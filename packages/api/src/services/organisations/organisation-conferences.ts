import { conferenceCoHosts, conferenceOrganisations, conferences, countries, type DbOrTx } from "@portal/db";
import { and, desc, eq, or, sql } from "drizzle-orm";
import type { Actor } from "../../actor";
import { visibleConferences } from "../conferences/conference-scope";

/** The conferences an organisation took part in or co-hosted, newest first, within what the actor may see. */
export async function organisationConferences(db: DbOrTx, actor: Actor, organisationId: string) {
  const rows = await db
    .select({
      id: conferences.id,
      titleEn: conferences.titleEn,
      titleFr: conferences.titleFr,
      city: conferences.city,
      country: { iso2: countries.iso2, nameEn: countries.nameEn, nameFr: countries.nameFr },
      startsOn: conferences.startsOn,
      endsOn: conferences.endsOn,
      provenance: conferences.provenance,
      coHost: sql<boolean>`${conferenceCoHosts.id} is not null`,
      participant: sql<boolean>`${conferenceOrganisations.organisationId} is not null`,
      participationProvenance: sql<
        (typeof conferenceOrganisations.provenance.enumValues)[number] | null
      >`coalesce(${conferenceCoHosts.provenance}, ${conferenceOrganisations.provenance})`,
    })
    .from(conferences)
    .innerJoin(countries, eq(countries.iso2, conferences.countryCode))
    .leftJoin(
      conferenceCoHosts,
      and(eq(conferenceCoHosts.conferenceId, conferences.id), eq(conferenceCoHosts.organisationId, organisationId)),
    )
    .leftJoin(
      conferenceOrganisations,
      and(
        eq(conferenceOrganisations.conferenceId, conferences.id),
        eq(conferenceOrganisations.organisationId, organisationId),
      ),
    )
    .where(
      and(
        or(sql`${conferenceCoHosts.id} is not null`, sql`${conferenceOrganisations.organisationId} is not null`),
        visibleConferences(actor),
      ),
    )
    .orderBy(desc(conferences.startsOn));
  return rows.map(({ coHost, participant: _participant, ...row }) => ({
    ...row,
    role: coHost ? ("co-host" as const) : ("participant" as const),
  }));
}
