import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks, type NavItem } from "./nav-links";

export type { NavItem };

/**
 * The frame of every signed-in page: a skip link, the product name, the navigation, and slots for the language
 * switch and the user menu (each app passes its own server actions for those).
 */
export function AppShell({
  productName,
  nav,
  skipLabel,
  navLabel,
  userSlot,
  languageSlot,
  children,
}: {
  productName: string;
  nav: NavItem[];
  skipLabel: string;
  navLabel: string;
  userSlot?: ReactNode;
  languageSlot?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen bg-muted/40">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-background focus:px-3 focus:py-2"
      >
        {skipLabel}
      </a>
      {/* Two rows: the product and the person on top, the sections below on one line of their own, so a longer
          French menu never wraps into the header (it scrolls sideways on a narrow screen instead). */}
      <header className="border-b border-border bg-background">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-8 gap-y-2 px-6 pt-3">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-primary" />
            {productName}
          </Link>
          <div className="flex items-center gap-3">
            {languageSlot}
            {userSlot}
          </div>
        </div>
        <div className="mx-auto max-w-7xl px-4 py-2">
          <NavLinks items={nav} label={navLabel} />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-6 py-8">
        {children}
      </main>
    </div>
  );
}
