import { Card, CardContent, CardDescription, CardHeader, LanguageSwitch } from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { setLocaleAction } from "@/server/actions";

/** The frame of the pages reached from an e-mail without signing in (password reset, unsubscribe). */
export async function PublicCard({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  const [tc, locale] = await Promise.all([getTranslations("common"), getLocale()]);
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
          <h1 className="text-lg font-semibold">{title}</h1>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </CardHeader>
        <CardContent className="flex flex-col gap-4">{children}</CardContent>
      </Card>
    </main>
  );
}
