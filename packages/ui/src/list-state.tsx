"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { type ComponentProps, useEffect, useState } from "react";

/*
 * A list's view (filters, sort, page) lives in its URL. The list remembers its last query for the tab
 * (sessionStorage: per tab, gone when the tab closes), and links back to the list from its records ask for it, so
 * "back to the list" lands where the reader left, whichever way they reached the record.
 */
const storageKey = (path: string) => `portal-list:${path}`;

function readStoredQuery(path: string): string | null {
  try {
    return window.sessionStorage.getItem(storageKey(path));
  } catch {
    return null; // storage refused (privacy settings): the plain list is the fallback
  }
}

/** Put on a list page: remembers the list's current query. */
export function RememberListState() {
  const path = usePathname();
  const search = useSearchParams();
  const query = search?.toString() ?? "";
  useEffect(() => {
    if (!path) return;
    try {
      window.sessionStorage.setItem(storageKey(path), query);
    } catch {
      // as above: nothing is remembered, nothing breaks
    }
  }, [path, query]);
  return null;
}

/** A link to a list page that returns to the list as it was last seen in this tab. */
export function ListLink({ href, ...props }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  const [target, setTarget] = useState(href);
  useEffect(() => {
    const query = readStoredQuery(href);
    setTarget(query ? `${href}?${query}` : href);
  }, [href]);
  return <Link href={target} {...props} />;
}
