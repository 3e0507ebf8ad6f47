import type { ReactNode } from "react";

/** The floor of the lean-pages check: a bare Next.js app with one server-rendered page and no client code of its own. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
