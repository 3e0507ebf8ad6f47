import { type DomainError, refusal } from "../errors";

interface PostgresErrorFields {
  code?: string;
  constraint_name?: string;
  column_name?: string;
  detail?: string;
}

/**
 * PostgreSQL errors reach us wrapped (drizzle's DrizzleQueryError has the driver's error as its cause), so look down
 * the cause chain for the SQLSTATE and the constraint that fired.
 */
export function postgresErrorOf(error: unknown): PostgresErrorFields | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (
      typeof current === "object" &&
      "code" in current &&
      typeof current.code === "string" &&
      /^[0-9A-Z]{5}$/.test(current.code)
    ) {
      return current as PostgresErrorFields;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** True for a unique violation (23505), optionally only of the named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = postgresErrorOf(error);
  return pg?.code === "23505" && (constraint === undefined || pg.constraint_name === constraint);
}

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The column a constraint error names in its detail ("Key (recipient_id)=(...)"); the value itself is not kept. */
function columnOf(pg: PostgresErrorFields): string | undefined {
  if (pg.column_name) return camelCase(pg.column_name);
  const key = /^Key \(([a-z_][a-z0-9_]*)(?:, [a-z_0-9, ]+)?\)=/.exec(pg.detail ?? "");
  return key?.[1] ? camelCase(key[1]) : undefined;
}

/** The input field behind each CHECK constraint a request can trip (when the services' own checks were passed). */
const CHECK_FIELDS: Record<string, string> = {
  grants_dates: "endsOn",
  conferences_dates: "endsOn",
  grants_total_positive: "totalAmount",
  grants_rate_positive: "exchangeRateToCad",
  grants_cad_rate_one: "exchangeRateToCad",
  grant_components_amount_positive: "amount",
  funding_lines_amount_positive: "amount",
  scheduled_payments_amount_positive: "amount",
  disbursements_amount_nonzero: "amount",
  disbursements_reversal_reason: "reason",
  reporting_requirements_waiver_reason: "reason",
  fiscal_years_range: "paidOn",
  conferences_direct_cost: "directCost",
  conferences_one_funding: "fundingKind",
  conference_co_hosts_one_of: "coHosts",
  organisation_relations_not_self: "toOrganisationId",
  organisations_iati_type: "iatiType",
  countries_iso2_upper: "countryCode",
  users_email_lowercase: "email",
  invitations_email_lowercase: "email",
  invitations_partner_has_org: "organisationId",
  memberships_has_view: "capabilities",
  report_attachments_size: "files",
};

/**
 * The refusal a PostgreSQL error stands for when a request caused it (bad text, out-of-range values, a constraint),
 * or null for a failure of the server itself. The message never repeats the SQL or the values sent.
 */
export function domainErrorFromDatabase(error: unknown): DomainError | null {
  const pg = postgresErrorOf(error);
  if (!pg?.code) return null;
  const { code } = pg;
  switch (code) {
    case "23514":
      return refusal("VALIDATION", "dbRuleBroken", {}, CHECK_FIELDS[pg.constraint_name ?? ""]);
    case "23505":
      return refusal("CONFLICT", "dbAlreadyExists", {}, columnOf(pg));
    case "23503":
      return /is still referenced/.test(pg.detail ?? "")
        ? refusal("CONFLICT", "dbStillReferenced")
        : refusal("VALIDATION", "dbMissingReference", {}, columnOf(pg));
    case "23502":
      return refusal("VALIDATION", "dbRequiredMissing", {}, columnOf(pg));
    case "22001":
      return refusal("VALIDATION", "dbTooLong");
    case "22003":
      return refusal("VALIDATION", "dbOutOfRange");
    case "22007":
    case "22008":
      return refusal("VALIDATION", "dbBadDate");
    case "22021":
    case "22P05":
      return refusal("VALIDATION", "dbBadCharacters");
    case "22P02":
      return refusal("VALIDATION", "dbBadFormat");
    case "22023":
    case "2201B":
    case "22025":
      return refusal("VALIDATION", "dbBadSearch");
    case "40001":
    case "40P01":
      return refusal("CONFLICT", "dbConcurrentChange");
    default:
      return null;
  }
}
