import type { Tx } from "../client";
import { organisationRelations, organisations, partnerships } from "../schema";
import { seedId } from "./ids";
import { insertNew, type SeedProvenance, type Written } from "./write";

export type OrganisationSlug =
  | "dfait"
  | "icbl"
  | "mac"
  | "ymaap"
  | "canadian-red-cross"
  | "icrc"
  | "lsn"
  | "halo-trust"
  | "handicap-international"
  | "npa"
  | "cmac";

export const organisationId = (slug: OrganisationSlug) => seedId(`organisation:${slug}`);

interface OrganisationDefinition {
  slug: OrganisationSlug;
  legalNameEn: string;
  legalNameFr: string;
  acronym: string | null;
  /** IATI OrganisationType code (IATI Standard 2.03 codelist; see @portal/domain's IATI_ORGANISATION_TYPES). */
  iatiType: 10 | 21 | 22 | 40;
  countryCode: string | null;
  website: string | null;
  isFunder?: boolean;
  provenance: SeedProvenance;
}

/**
 * source-document: named in the 2001-2002 report; public-record: real organisations whose part here comes from
 * public announcements or that only receive illustrative grants (their grants carry the illustrative label).
 */
const ORGANISATIONS: readonly OrganisationDefinition[] = [
  {
    slug: "dfait",
    legalNameEn: "Department of Foreign Affairs and International Trade",
    legalNameFr: "Ministère des Affaires étrangères et du Commerce international",
    acronym: "DFAIT",
    iatiType: 10,
    countryCode: "CA",
    website: "https://www.international.gc.ca",
    isFunder: true,
    provenance: "source-document",
  },
  {
    slug: "icbl",
    legalNameEn: "International Campaign to Ban Landmines",
    legalNameFr: "Campagne internationale pour interdire les mines",
    acronym: "ICBL",
    iatiType: 21,
    // A worldwide coalition of national campaigns: no single country of its own.
    countryCode: null,
    website: "https://www.icbl.org",
    provenance: "source-document",
  },
  {
    slug: "mac",
    legalNameEn: "Mines Action Canada",
    legalNameFr: "Action Mines Canada",
    acronym: "MAC",
    iatiType: 22,
    countryCode: "CA",
    website: "https://www.minesactioncanada.org",
    provenance: "source-document",
  },
  {
    slug: "ymaap",
    legalNameEn: "Youth Mine Action Ambassador Program",
    legalNameFr: "Programme des jeunes ambassadeurs de l'action contre les mines",
    acronym: "YMAAP",
    iatiType: 22,
    countryCode: "CA",
    website: null,
    provenance: "source-document",
  },
  {
    slug: "canadian-red-cross",
    legalNameEn: "The Canadian Red Cross Society",
    legalNameFr: "La Société canadienne de la Croix-Rouge",
    acronym: "CRC",
    iatiType: 22,
    countryCode: "CA",
    website: "https://www.redcross.ca",
    provenance: "public-record",
  },
  {
    slug: "icrc",
    legalNameEn: "International Committee of the Red Cross",
    legalNameFr: "Comité international de la Croix-Rouge",
    acronym: "ICRC",
    // 21, not 40: the ICRC is a private Swiss association with an international mandate, not an intergovernmental
    // body, and the OECD DAC channel list files it among international NGOs (channel 21017).
    iatiType: 21,
    countryCode: "CH",
    website: "https://www.icrc.org",
    provenance: "source-document",
  },
  {
    slug: "lsn",
    legalNameEn: "Landmine Survivors Network",
    legalNameFr: "Réseau des survivants des mines terrestres",
    acronym: "LSN",
    iatiType: 21,
    countryCode: "US",
    website: null,
    provenance: "public-record",
  },
  {
    slug: "halo-trust",
    legalNameEn: "The HALO Trust",
    legalNameFr: "The HALO Trust",
    acronym: "HALO",
    iatiType: 21,
    countryCode: "GB",
    website: "https://www.halotrust.org",
    provenance: "public-record",
  },
  {
    slug: "handicap-international",
    legalNameEn: "Handicap International",
    legalNameFr: "Handicap International",
    acronym: "HI",
    iatiType: 21,
    countryCode: "FR",
    website: "https://www.hi.org",
    provenance: "public-record",
  },
  {
    slug: "npa",
    legalNameEn: "Norwegian People's Aid",
    legalNameFr: "Aide populaire norvégienne",
    acronym: "NPA",
    iatiType: 21,
    countryCode: "NO",
    website: "https://www.npaid.org",
    provenance: "public-record",
  },
  {
    slug: "cmac",
    legalNameEn: "Cambodian Mine Action Centre",
    legalNameFr: "Centre cambodgien de lutte antimines",
    acronym: "CMAC",
    iatiType: 10,
    countryCode: "KH",
    website: "https://www.cmac.gov.kh",
    provenance: "public-record",
  },
];

type RelationKind = (typeof organisationRelations.$inferInsert)["kind"];

interface RelationDefinition {
  from: OrganisationSlug;
  kind: RelationKind;
  to: OrganisationSlug;
  noteEn?: string;
  noteFr?: string;
  provenance: SeedProvenance;
}

/** MAC's ties are stated in the source document; who runs YMAAP comes from the project's public-record notes. */
const RELATIONS: readonly RelationDefinition[] = [
  {
    from: "mac",
    kind: "member_of",
    to: "icbl",
    noteEn: "The Canadian member of the ICBL; a coalition of more than 40 Canadian NGOs.",
    noteFr: "Membre canadien de l'ICBL; coalition de plus de 40 ONG canadiennes.",
    provenance: "source-document",
  },
  {
    from: "mac",
    kind: "coordination_committee_member_of",
    to: "icbl",
    noteEn: "ICBL Coordinating Committee.",
    noteFr: "Comité de coordination de l'ICBL.",
    provenance: "source-document",
  },
  {
    from: "mac",
    kind: "core_group_member_of",
    to: "icbl",
    noteEn: "International Core Group of the Landmine Monitor.",
    noteFr: "Groupe central international de l'Observatoire des mines (Landmine Monitor).",
    provenance: "source-document",
  },
  {
    from: "mac",
    kind: "regional_coordinator_for",
    to: "icbl",
    noteEn: "Coordinates the Americas region input to the Landmine Monitor.",
    noteFr: "Coordonne la contribution de la région des Amériques à l'Observatoire des mines.",
    provenance: "source-document",
  },
  {
    from: "mac",
    kind: "steering_committee_member_of",
    to: "ymaap",
    noteEn: "YMAAP Steering Committee.",
    noteFr: "Comité directeur du YMAAP.",
    provenance: "source-document",
  },
  {
    from: "mac",
    kind: "runs",
    to: "ymaap",
    noteEn: "Runs the program with DFAIT and the Canadian Red Cross.",
    noteFr: "Gère le programme avec le MAECI et la Croix-Rouge canadienne.",
    provenance: "public-record",
  },
  {
    from: "dfait",
    kind: "runs",
    to: "ymaap",
    noteEn: "With Mines Action Canada and the Canadian Red Cross.",
    noteFr: "Avec Action Mines Canada et la Croix-Rouge canadienne.",
    provenance: "public-record",
  },
  {
    from: "canadian-red-cross",
    kind: "runs",
    to: "ymaap",
    noteEn: "With Mines Action Canada and DFAIT.",
    noteFr: "Avec Action Mines Canada et le MAECI.",
    provenance: "public-record",
  },
];

type PartnershipKind = (typeof partnerships.$inferInsert)["kind"];

interface PartnershipDefinition {
  organisation: OrganisationSlug;
  kind: PartnershipKind;
  /** Left empty where no date is on record, rather than guessed. */
  since: string | null;
  descriptionEn: string;
  descriptionFr: string;
  provenance: SeedProvenance;
}

const PARTNERSHIPS: readonly PartnershipDefinition[] = [
  {
    organisation: "icbl",
    kind: "civil_society",
    since: null,
    descriptionEn:
      "The international NGO coalition formed in 1992 that, with states including Canada, negotiated the ban; funded through the Mine Action Partnership and Mine Monitoring Programs, including the annual Landmine Monitor.",
    descriptionFr:
      "Coalition internationale d'ONG formée en 1992 qui, avec des États dont le Canada, a négocié l'interdiction; financée par les programmes de partenariat et de surveillance, dont l'Observatoire des mines annuel.",
    provenance: "source-document",
  },
  {
    organisation: "mac",
    kind: "civil_society",
    since: null,
    descriptionEn:
      "Canada's member of the ICBL: domestic and international mine action education and outreach, universalisation, and Canadian capacity in humanitarian mine clearance and victim rehabilitation.",
    descriptionFr:
      "Membre canadien de l'ICBL : éducation et sensibilisation à l'action contre les mines au Canada et à l'étranger, universalisation, capacité canadienne en déminage humanitaire et en réadaptation des victimes.",
    provenance: "source-document",
  },
  {
    organisation: "ymaap",
    kind: "civil_society",
    since: null,
    descriptionEn:
      "Young Canadians placed across the country to raise awareness of the landmine issue; run with MAC and the Canadian Red Cross.",
    descriptionFr:
      "De jeunes Canadiens affectés partout au pays pour sensibiliser le public à la question des mines; programme mené avec Action Mines Canada et la Croix-Rouge canadienne.",
    provenance: "public-record",
  },
  {
    organisation: "lsn",
    kind: "civil_society",
    since: null,
    descriptionEn: 'Survivor-led network; "Raising the Voices" trains landmine survivors as advocates.',
    descriptionFr:
      "Réseau dirigé par des survivants; « Raising the Voices » forme des survivants des mines à la défense de leurs droits.",
    provenance: "public-record",
  },
  {
    organisation: "icrc",
    kind: "international_organisation",
    since: null,
    descriptionEn:
      "Among the first to draw international attention to mine-affected populations; support to mine-victim assistance (illustrative grant in CHF).",
    descriptionFr:
      "Parmi les premiers à attirer l'attention internationale sur les populations touchées par les mines; appui à l'assistance aux victimes (contribution illustrative en CHF).",
    provenance: "illustrative",
  },
  {
    organisation: "canadian-red-cross",
    kind: "civil_society",
    since: null,
    descriptionEn: "Co-runs the Youth Mine Action Ambassador Program with MAC and DFAIT.",
    descriptionFr: "Co-gestionnaire du Programme des jeunes ambassadeurs avec Action Mines Canada et le MAECI.",
    provenance: "public-record",
  },
  {
    organisation: "halo-trust",
    kind: "civil_society",
    since: "2002-04-01",
    descriptionEn: "ILLUSTRATIVE: humanitarian mine clearance partner (proposal in preparation).",
    descriptionFr: "ILLUSTRATIF : partenaire de déminage humanitaire (proposition en préparation).",
    provenance: "illustrative",
  },
  {
    organisation: "handicap-international",
    kind: "civil_society",
    since: "2002-04-01",
    descriptionEn: "ILLUSTRATIVE: victim assistance and physical rehabilitation partner.",
    descriptionFr: "ILLUSTRATIF : partenaire pour l'assistance aux victimes et la réadaptation physique.",
    provenance: "illustrative",
  },
  {
    organisation: "npa",
    kind: "civil_society",
    since: "2002-04-01",
    descriptionEn: "ILLUSTRATIVE: mine clearance partner in Angola.",
    descriptionFr: "ILLUSTRATIF : partenaire de déminage en Angola.",
    provenance: "illustrative",
  },
  {
    organisation: "cmac",
    kind: "state",
    since: "2002-04-01",
    descriptionEn: "ILLUSTRATIVE: Cambodia's national mine action authority and operator.",
    descriptionFr: "ILLUSTRATIF : autorité et opérateur national de l'action contre les mines au Cambodge.",
    provenance: "illustrative",
  },
];

function organisationRows(): (typeof organisations.$inferInsert)[] {
  return ORGANISATIONS.map((definition) => ({
    id: organisationId(definition.slug),
    isFunder: false,
    ...definition,
  }));
}

function relationRows(): (typeof organisationRelations.$inferInsert)[] {
  return RELATIONS.map(({ from, to, kind, noteEn, noteFr, provenance }) => ({
    id: seedId(`organisation-relation:${from}:${kind}:${to}`),
    fromOrganisationId: organisationId(from),
    toOrganisationId: organisationId(to),
    kind,
    noteEn: noteEn ?? null,
    noteFr: noteFr ?? null,
    provenance,
  }));
}

function partnershipRows(): (typeof partnerships.$inferInsert)[] {
  return PARTNERSHIPS.map(({ organisation, ...rest }) => ({
    id: seedId(`partnership:${organisation}`),
    organisationId: organisationId(organisation),
    ...rest,
  }));
}

export async function seedOrganisations(tx: Tx): Promise<Written> {
  return {
    organisations: await insertNew(tx, organisations, organisationRows()),
    organisation_relations: await insertNew(tx, organisationRelations, relationRows()),
    partnerships: await insertNew(tx, partnerships, partnershipRows()),
  };
}
