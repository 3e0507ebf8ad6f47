import { ROLES, type Role, localized, pageWindow } from "@portal/domain";
import {
  Badge,
  Button,
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  PageHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  RememberListState,
  ListFilters,
  FilterSelect,
} from "@portal/ui";
import { PageBeyondEnd } from "@portal/ui/page-beyond-end";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { CapabilityBadges } from "@/components/capability-badges";
import { Pager, pageNumber, withQuery } from "@/components/pager";
import { getApi } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("adminUsers");
  return { title: t("title") };
}

type Search = { q?: string; role?: string; status?: string; page?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [params, api, t, tr, locale, format] = await Promise.all([
    searchParams,
    getApi(),
    getTranslations("adminUsers"),
    getTranslations("common.roles"),
    getLocale(),
    getFormatter(),
  ]);
  const role = (ROLES as readonly string[]).includes(params.role ?? "") ? (params.role as Role) : undefined;
  const status = params.status === "active" || params.status === "inactive" ? params.status : undefined;
  const page = pageNumber(params.page);
  const [result, invitations] = await Promise.all([
    api.users.list({
      q: params.q || undefined,
      role,
      active: status === undefined ? undefined : status === "active",
      page,
      pageSize: 25,
    }),
    api.users.pendingInvitations(),
  ]);
  const filtered = Boolean(params.q || role || status);
  const name = (o: { nameEn: string; nameFr: string }) => localized(o, "name", locale);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const { pages, beyondEnd } = pageWindow(result);
  return (
    <>
      <RememberListState />
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild>
            <Link href="/users/invite">{t("invite")}</Link>
          </Button>
        }
      />
      <ListFilters
        action="/users"
        query={params.q}
        filtered={filtered}
        labels={{
          search: t("search"),
          searchPlaceholder: t("searchPlaceholder"),
          apply: t("apply"),
          clear: t("clear"),
        }}
      >
        <FilterSelect
          name="role"
          label={t("role")}
          value={role}
          allLabel={t("allRoles")}
          options={ROLES.map((r) => ({ value: r, label: tr(r) }))}
        />
        <FilterSelect
          name="status"
          label={t("status")}
          value={status}
          allLabel={t("allStatuses")}
          options={[
            { value: "active", label: t("active") },
            { value: "inactive", label: t("inactive") },
          ]}
        />
      </ListFilters>
      <p className="mb-2 text-sm text-muted-foreground" aria-live="polite">
        {t("count", { count: result.total })}
      </p>
      {beyondEnd ? (
        <PageBeyondEnd
          page={result.page}
          pages={pages}
          lastPageHref={withQuery("/users", { q: params.q, role, status, page: pages })}
        />
      ) : result.rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={filtered ? t("emptyFiltered") : undefined} />
      ) : (
        <Card>
          <Table data-testid="users-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("name")}</TableHead>
                <TableHead>{t("role")}</TableHead>
                <TableHead>{t("organisations")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead>{t("lastSignIn")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((user) => (
                <TableRow key={user.id} data-testid={`user-row-${user.email}`}>
                  <TableCell>
                    <Link href={`/users/${user.id}`} className="font-medium link">
                      {user.name || user.email}
                    </Link>
                    <div className="text-xs text-muted-foreground">{user.email}</div>
                  </TableCell>
                  <TableCell>{tr(user.role)}</TableCell>
                  <TableCell>
                    {user.organisations.length === 0
                      ? "—"
                      : user.organisations.map((o) => o.acronym ?? name(o)).join(", ")}
                  </TableCell>
                  <TableCell>
                    <Badge tone={user.active ? "success" : "danger"}>{user.active ? t("active") : t("inactive")}</Badge>
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-sm">
                    {user.lastSignInAt ? when(user.lastSignInAt) : t("never")}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      <Pager
        page={result.page}
        total={result.total}
        pageSize={result.pageSize}
        hrefFor={(p) => withQuery("/users", { q: params.q, role, status, page: p })}
      />

      <Card className="mt-8">
        <CardHeader>
          <CardTitle>{t("pendingTitle")}</CardTitle>
          <CardDescription>{t("pendingDescription")}</CardDescription>
        </CardHeader>
        {invitations.length === 0 ? (
          <div className="px-5 py-4">
            <EmptyState title={t("noPending")} />
          </div>
        ) : (
          <Table data-testid="pending-invitations">
            <TableHeader>
              <TableRow>
                <TableHead>{t("email")}</TableHead>
                <TableHead>{t("role")}</TableHead>
                <TableHead>{t("organisation")}</TableHead>
                <TableHead>{t("capabilitiesLabel")}</TableHead>
                <TableHead>{t("expires")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {invitations.map((invitation) => (
                <TableRow key={invitation.id}>
                  <TableCell>
                    <span className="font-medium">{invitation.email}</span>
                    {invitation.name ? <div className="text-xs text-muted-foreground">{invitation.name}</div> : null}
                  </TableCell>
                  <TableCell>{tr(invitation.role)}</TableCell>
                  <TableCell>
                    {invitation.organisation?.id
                      ? (invitation.organisation.acronym ??
                        name(invitation.organisation as { nameEn: string; nameFr: string }))
                      : "—"}
                  </TableCell>
                  <TableCell>
                    {invitation.role === "partner" ? <CapabilityBadges capabilities={invitation.capabilities} /> : "—"}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-sm">{when(invitation.expiresAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </>
  );
}
