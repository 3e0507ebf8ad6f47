"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "./cn";

export interface NavItem {
  href: string;
  label: string;
}

/** True when `path` is the entry's page or one below it. */
export function isNavActive(href: string, path: string): boolean {
  return path === href || path.startsWith(`${href}/`);
}

/**
 * The main navigation. It reads the route in the browser: a layout is not re-rendered on client-side navigation, so a
 * highlight computed on the server would stay on the first page visited.
 */
export function NavLinks({ items, label }: { items: NavItem[]; label: string }) {
  const path = usePathname() ?? "/";
  return (
    <nav aria-label={label} className="flex gap-1 overflow-x-auto">
      {items.map((item) => {
        const active = isNavActive(item.href, path);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm hover:bg-muted hover:text-foreground",
              active ? "bg-muted font-medium text-foreground" : "text-muted-foreground",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
