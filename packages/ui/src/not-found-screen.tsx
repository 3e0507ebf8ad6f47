import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "./button";

/**
 * "Page not found". Inside the signed-in frame (`inFrame`) the frame already holds the page's one `<main>`; on its
 * own (an unknown address) this screen is the main content itself.
 */
export async function NotFoundScreen({ inFrame = false }: { inFrame?: boolean }) {
  const t = await getTranslations("common");
  const Landmark = inFrame ? "div" : "main";
  return (
    <Landmark className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-16">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-muted-foreground">{t("notFoundBody")}</p>
      <div>
        <Button asChild variant="outline">
          <Link href="/">{t("backHome")}</Link>
        </Button>
      </div>
    </Landmark>
  );
}
