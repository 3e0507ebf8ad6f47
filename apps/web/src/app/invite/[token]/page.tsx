import { Alert, Button, Card, CardContent, CardDescription, CardHeader, LanguageSwitch } from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/members/accept-invitation-form";
import { getApi, getSession } from "@/server/caller";
import { setLocaleAction } from "@/server/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("invitations");
  return { title: t("title"), referrer: "no-referrer" };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [api, session, t, tc, locale, format] = await Promise.all([
    getApi(),
    getSession(),
    getTranslations("invitations"),
    getTranslations("common"),
    getLocale(),
    getFormatter(),
  ]);
  const invitation = token.length <= 200 ? await api.invitations.describe({ token }) : null;
  const fr = locale === "fr";
  const organisation = invitation?.organisation
    ? fr
      ? invitation.organisation.nameFr
      : invitation.organisation.nameEn
    : null;

  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 bg-muted/40 px-4 py-10">
      <div className="flex w-full max-w-md items-center justify-between gap-4">
        <p className="flex items-center gap-2 font-semibold">
          <span aria-hidden className="inline-block h-3 w-3 shrink-0 rounded-sm bg-primary" />
          {tc("productName")}
        </p>
        <LanguageSwitch
          current={locale === "fr" ? "fr" : "en"}
          label={tc("switchTo")}
          title={tc("switchToLabel")}
          action={setLocaleAction}
        />
      </div>
      <Card className="w-full max-w-md">
        <CardHeader>
          <h1 className="text-lg font-semibold">{t("title")}</h1>
          {invitation && invitation.state === "pending" ? (
            <CardDescription>
              {organisation
                ? t("introOrganisation", { organisation, email: invitation.email })
                : t("intro", { email: invitation.email })}
            </CardDescription>
          ) : null}
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {!invitation ? (
            <Alert data-testid="invitation-problem">{t("problems.invalid")}</Alert>
          ) : invitation.state !== "pending" ? (
            <Alert data-testid="invitation-problem">{t(`problems.${invitation.state}`)}</Alert>
          ) : (
            <>
              {session ? <Alert tone="warning">{t("signedInAs", { name: session.user.name })}</Alert> : null}
              <p className="text-xs text-muted-foreground">
                {t("expires", {
                  date: format.dateTime(invitation.expiresAt, { dateStyle: "long", timeStyle: "short" }),
                })}
              </p>
              <AcceptInvitationForm token={token} email={invitation.email} defaultName={invitation.name} />
            </>
          )}
          {!invitation || invitation.state !== "pending" ? (
            <Button asChild variant="outline">
              <Link href="/sign-in">{t("goToSignIn")}</Link>
            </Button>
          ) : null}
        </CardContent>
      </Card>
    </main>
  );
}
