import { localized } from "@portal/domain";
import {
  Alert,
  Badge,
  Card,
  CardContent,
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
} from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { InviteColleagueForm } from "@/components/members/invite-colleague-form";
import { MemberCapabilities } from "@/components/members/member-capabilities";
import { RevokeInvitation } from "@/components/members/revoke-invitation";
import { getApi, getSession } from "@/server/caller";
import { orNotFound } from "@/server/not-found";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("members");
  return { title: t("title") };
}

export default async function MembersPage({ searchParams }: { searchParams: Promise<{ organisation?: string }> }) {
  const session = await getSession();
  if (session && session.user.role !== "partner") redirect("/dashboard");
  const [{ organisation }, api, t, locale, format] = await Promise.all([
    searchParams,
    getApi(),
    getTranslations("members"),
    getLocale(),
    getFormatter(),
  ]);
  const data = await orNotFound(() => api.members.list({ organisationId: organisation }));
  const orgName = localized(data.organisation, "name", locale);
  const when = (at: Date | null) => (at ? format.dateTime(at, { dateStyle: "medium" }) : t("never"));

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description", { organisation: orgName })} />
      {!data.canManage ? <Alert tone="info">{t("readOnly")}</Alert> : null}

      <Card>
        <CardHeader>
          <CardTitle>{t("colleagues")}</CardTitle>
        </CardHeader>
        <Table className="relative" data-testid="members-table">
          <TableHeader>
            <TableRow>
              <TableHead>{t("name")}</TableHead>
              <TableHead>{t("rights")}</TableHead>
              <TableHead>{t("lastSignIn")}</TableHead>
              {data.canManage ? <TableHead className="sr-only">{t("actions")}</TableHead> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.members.map((m) => (
              <TableRow key={m.membershipId} data-testid={`member-${m.email}`}>
                <TableCell>
                  <span className="font-medium">{m.name}</span>
                  {m.isMe ? (
                    <Badge tone="info" className="ml-2">
                      {t("you")}
                    </Badge>
                  ) : null}
                  {!m.active ? (
                    <Badge tone="warning" className="ml-2">
                      {t("inactive")}
                    </Badge>
                  ) : null}
                  <div className="text-xs text-muted-foreground">{m.email}</div>
                </TableCell>
                <TableCell>
                  <ul className="flex flex-wrap gap-1" aria-label={t("rightsOf", { name: m.name })}>
                    {m.capabilities.map((c) => (
                      <li key={c}>
                        <Badge>{t(`capabilities.${c}`)}</Badge>
                      </li>
                    ))}
                  </ul>
                </TableCell>
                <TableCell className="whitespace-nowrap">{when(m.lastSignInAt)}</TableCell>
                {data.canManage ? (
                  <TableCell>
                    {m.isMe ? (
                      <span className="text-xs text-muted-foreground">{t("ownRights")}</span>
                    ) : (
                      <MemberCapabilities
                        membershipId={m.membershipId}
                        name={m.name}
                        capabilities={m.capabilities}
                        myCapabilities={data.myCapabilities}
                      />
                    )}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>

      {data.canManage ? (
        <>
          <Card>
            <CardHeader>
              <CardTitle>{t("inviteTitle")}</CardTitle>
              <CardDescription>{t("inviteDescription")}</CardDescription>
            </CardHeader>
            <CardContent>
              <InviteColleagueForm organisationId={data.organisation.id} myCapabilities={data.myCapabilities} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("invitationsTitle")}</CardTitle>
            </CardHeader>
            {data.invitations.length === 0 ? (
              <CardContent>
                <EmptyState title={t("noInvitations")} />
              </CardContent>
            ) : (
              <Table className="relative" data-testid="invitations-table">
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("email")}</TableHead>
                    <TableHead>{t("rights")}</TableHead>
                    <TableHead>{t("expires")}</TableHead>
                    <TableHead>{t("state")}</TableHead>
                    <TableHead className="sr-only">{t("actions")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.invitations.map((inv) => (
                    <TableRow key={inv.id} data-testid={`invitation-${inv.email}`}>
                      <TableCell>
                        {inv.email}
                        {inv.name ? <div className="text-xs text-muted-foreground">{inv.name}</div> : null}
                      </TableCell>
                      <TableCell className="text-xs">
                        {inv.capabilities.map((c) => t(`capabilities.${c}`)).join(", ")}
                      </TableCell>
                      <TableCell className="whitespace-nowrap">
                        {format.dateTime(inv.expiresAt, { dateStyle: "medium" })}
                      </TableCell>
                      <TableCell>
                        <Badge
                          tone={inv.state === "pending" ? "info" : inv.state === "expired" ? "warning" : "neutral"}
                        >
                          {t(`invitationState.${inv.state}`)}
                        </Badge>
                      </TableCell>
                      <TableCell>
                        {inv.state === "pending" ? <RevokeInvitation invitationId={inv.id} email={inv.email} /> : null}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Card>
        </>
      ) : null}
    </div>
  );
}
