import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { GrantBreadcrumbs } from "@/components/wayfinding/grant-breadcrumbs";
import { getSession } from "@/server/caller";
import { loadGrant } from "@/server/records";

/** Breadcrumbs above every page of a grant; the record is read once per request (the pages ask the same cache). */
export default async function GrantLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const [grant, session, tn, tw] = await Promise.all([
    loadGrant(id),
    getSession(),
    getTranslations("nav"),
    getTranslations("wayfinding"),
  ]);
  const grants = session?.user.role === "partner" ? tn("myGrants") : tn("grants");
  return (
    <div className="flex flex-col gap-4">
      <GrantBreadcrumbs
        grantId={grant.id}
        reference={grant.reference}
        labels={{ nav: tw("breadcrumbs"), grants, edit: tw("edit") }}
      />
      <div>{children}</div>
    </div>
  );
}
