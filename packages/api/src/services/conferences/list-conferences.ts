import {
  conferenceCoHosts,
  conferenceParticipants,
  conferences,
  countries,
  type DbOrTx,
  organisations,
} from "@portal/db";
import { listConferencesInput, type ListConferencesInput, outcomeMeasure } from "@portal/domain";
import { and, asc, desc, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import { type Actor, seesAllGrants } from "../../actor";
import { todayInOttawa } from "../today";
import { treatyRecordsFor } from "../treaty/treaty-records";
import { visibleConferences } from "./conference-scope";
import { parseInput } from "../../parse-input";

/**
 * The conferences an actor may see, newest first, each with its co-hosts, how many states took part and its outcome
 * measure (computed from the treaty data like the detail page's).
 */
export async function listConferences(db: DbOrTx, actor: Actor, rawInput: ListConferencesInput = {}) {
  const input = parseInput(listConferencesInput, rawInput);
  const conditions: SQL[] = [visibleConferences(actor)];
  if (input.q) {
    const pattern = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(conferences.titleEn, pattern),
        ilike(conferences.titleFr, pattern),
        ilike(conferences.city, pattern),
        ilike(countries.nameEn, pattern),
        ilike(countries.nameFr, pattern),
      )!,
    );
  }
  const rows = await db
    .select({
      id: conferences.id,
      titleEn: conferences.titleEn,
      titleFr: conferences.titleFr,
      city: conferences.city,
      country: { iso2: countries.iso2, nameEn: countries.nameEn, nameFr: countries.nameFr },
      startsOn: conferences.startsOn,
      endsOn: conferences.endsOn,
      directCost: conferences.directCost,
      grantId: conferences.grantId,
      currency: conferences.currency,
      provenance: conferences.provenance,
    })
    .from(conferences)
    .innerJoin(countries, eq(countries.iso2, conferences.countryCode))
    .where(and(...conditions))
    .orderBy(desc(conferences.startsOn), asc(conferences.titleEn));
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];

  const [hosts, participants] = await Promise.all([
    db
      .select({
        conferenceId: conferenceCoHosts.conferenceId,
        state: { iso2: countries.iso2, nameEn: countries.nameEn, nameFr: countries.nameFr },
        organisation: {
          id: organisations.id,
          acronym: organisations.acronym,
          nameEn: organisations.legalNameEn,
          nameFr: organisations.legalNameFr,
        },
      })
      .from(conferenceCoHosts)
      .leftJoin(countries, eq(countries.iso2, conferenceCoHosts.countryCode))
      .leftJoin(organisations, eq(organisations.id, conferenceCoHosts.organisationId))
      .where(inArray(conferenceCoHosts.conferenceId, ids))
      .orderBy(asc(countries.nameEn), asc(organisations.legalNameEn)),
    db
      .select({ conferenceId: conferenceParticipants.conferenceId, iso2: conferenceParticipants.countryCode })
      .from(conferenceParticipants)
      .where(inArray(conferenceParticipants.conferenceId, ids)),
  ]);
  const records = await treatyRecordsFor(
    db,
    participants.map((p) => p.iso2),
  );
  const today = todayInOttawa();
  return rows.map((row) => {
    const states = participants.filter((p) => p.conferenceId === row.id).map((p) => p.iso2);
    const measure = outcomeMeasure(
      states.map((iso2) => ({ iso2, record: records.get(iso2) ?? null })),
      row.startsOn,
    );
    return {
      ...row,
      // The amount is the ministry's budget line: staff only, like the detail page's funding.
      directCost: seesAllGrants(actor) ? row.directCost : null,
      coHosts: hosts
        .filter((h) => h.conferenceId === row.id)
        .map(({ state, organisation }) => ({ state, organisation })),
      participantCount: states.length,
      outcome: {
        notYetParties: measure.notYetParties.length,
        joined: measure.joined.length,
        windowEndsOn: measure.windowEndsOn,
        complete: measure.windowEndsOn < today,
      },
    };
  });
}
