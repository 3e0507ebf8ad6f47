import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "./button";

export async function NotFoundScreen() {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-16">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-muted-foreground">{t("notFoundBody")}</p>
      <div>
        <Button asChild variant="outline">
          <Link href="/">{t("backHome")}</Link>
        </Button>
      </div>
    </main>
  );
}
