import { localized } from "@portal/domain";
import {
  ActiveBadge,
  Badge,
  Breadcrumbs,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  PageHeader,
} from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AddMembership, MembershipRow } from "@/components/membership-editor";
import { OfficerScopeForm } from "@/components/officer-scope-form";
import { EndSessions } from "@/components/security/end-sessions";
import { ActiveToggle, RoleForm } from "@/components/user-access";
import { getApi } from "@/server/caller";
import { orNotFound } from "@/server/not-found";
import { organisationOptions } from "@/server/organisation-options";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, api] = await Promise.all([params, getApi()]);
  const user = await orNotFound(() => api.users.byId({ id }));
  return { title: user.name || user.email };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, api, t, tr, tn, tw, locale, format] = await Promise.all([
    params,
    getApi(),
    getTranslations("adminUsers"),
    getTranslations("common.roles"),
    getTranslations("nav"),
    getTranslations("wayfinding"),
    getLocale(),
    getFormatter(),
  ]);
  const [user, organisations, sessions, scope, ts] = await Promise.all([
    orNotFound(() => api.users.byId({ id })),
    organisationOptions(locale),
    orNotFound(() => api.users.sessions({ userId: id })),
    orNotFound(() => api.users.officerScope({ userId: id })),
    getTranslations("officerScope"),
  ]);
  const label = (o: { acronym: string | null; nameEn: string; nameFr: string }) => {
    const name = localized(o, "name", locale);
    return o.acronym ? `${o.acronym} — ${name}` : name;
  };
  const memberOf = new Set(user.memberships.map((m) => m.organisation.id));
  const protectedReason = user.isSelf ? t("selfProtected") : user.lastAdmin ? t("lastAdminProtected") : null;
  return (
    <>
      <div className="mb-2">
        <Breadcrumbs
          label={tw("breadcrumbs")}
          items={[{ label: tn("adminUsers"), href: "/users", list: true }, { label: user.name || user.email }]}
        />
      </div>
      <PageHeader
        title={user.name || user.email}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{user.email}</span>
            <Badge>{tr(user.role)}</Badge>
            <ActiveBadge
              active={user.active}
              labels={{ active: t("active"), inactive: t("inactive") }}
              testId="user-status"
            />
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("roleTitle")}</CardTitle>
            <CardDescription>{t("roleDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <RoleForm
              userId={user.id}
              role={user.role}
              hasMemberships={user.memberships.length > 0}
              disabledReason={protectedReason}
              organisations={organisations}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("accessTitle")}</CardTitle>
            <CardDescription>{user.active ? t("accessActive") : t("accessInactive")}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-muted-foreground">{t("lastSignIn")}</dt>
              <dd>
                {user.lastSignInAt
                  ? format.dateTime(user.lastSignInAt, { dateStyle: "medium", timeStyle: "short" })
                  : t("never")}
              </dd>
              <dt className="text-muted-foreground">{t("since")}</dt>
              <dd>{format.dateTime(user.createdAt, { dateStyle: "medium" })}</dd>
            </dl>
            <ActiveToggle userId={user.id} active={user.active} disabledReason={protectedReason} />
            <EndSessions userId={user.id} active={sessions.active} />
          </CardContent>
        </Card>
      </div>
      {user.role === "partner" ? (
        <Card className="mt-6">
          <CardHeader>
            <CardTitle>{t("membershipsTitle")}</CardTitle>
            <CardDescription>{t("membershipsDescription")}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4" data-testid="memberships">
            {user.memberships.length === 0 ? <EmptyState title={t("noMemberships")} /> : null}
            {user.memberships.map((membership) => (
              <MembershipRow
                key={membership.id}
                userId={user.id}
                organisationId={membership.organisation.id}
                organisationLabel={label(membership.organisation)}
                capabilities={membership.capabilities}
              />
            ))}
            <AddMembership userId={user.id} organisations={organisations.filter((o) => !memberOf.has(o.id))} />
          </CardContent>
        </Card>
      ) : null}
      {scope.applies ? (
        <Card className="mt-6" data-testid="officer-scope">
          <CardHeader>
            <CardTitle>{ts("scopeTitle")}</CardTitle>
            <CardDescription>{ts("scopeDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <OfficerScopeForm
              userId={user.id}
              programmes={scope.programmes.map((p) => ({
                id: p.id,
                label: `${p.code} — ${localized(p, "name", locale)}`,
                depth: p.depth,
                parentId: p.depth > 0 ? p.parentId : null,
              }))}
              assigned={scope.programmeIds}
              outside={scope.outsideProgrammes}
            />
          </CardContent>
        </Card>
      ) : null}
      <p className="mt-6 text-sm">
        <Link href={`/audit?entityType=user&entityId=${user.id}`} className="link">
          {t("auditLink")}
        </Link>
      </p>
    </>
  );
}
