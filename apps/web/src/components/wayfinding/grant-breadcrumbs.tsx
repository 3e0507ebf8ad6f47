"use client";

import { Breadcrumbs } from "@portal/ui";
import { useSelectedLayoutSegment } from "next/navigation";

/**
 * The grant pages' breadcrumbs, drawn once by the grant's layout: on the grant itself its reference is the current
 * crumb; below it (editing) the reference links back to the grant.
 */
export function GrantBreadcrumbs({
  grantId,
  reference,
  labels,
}: {
  grantId: string;
  reference: string;
  labels: { nav: string; grants: string; edit: string };
}) {
  const segment = useSelectedLayoutSegment();
  const grants = { label: labels.grants, href: "/grants", list: true };
  const items =
    segment === null
      ? [grants, { label: reference }]
      : [
          grants,
          { label: reference, href: `/grants/${grantId}` },
          ...(segment === "edit" ? [{ label: labels.edit }] : []),
        ];
  return <Breadcrumbs label={labels.nav} items={items} />;
}
