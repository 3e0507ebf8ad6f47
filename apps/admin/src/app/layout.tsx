import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { ValidationMessages } from "@portal/ui/validation-messages";
import { getLocale, getTranslations } from "next-intl/server";
import { JitlessZod } from "@portal/ui/jitless-zod";
import { headers } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { LazyToaster } from "@portal/ui/lazy-toaster";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("adminProductName"), template: `%s · ${t("adminProductName")}` } };
}

/**
 * Every page renders per request: the proxy gives each response a fresh CSP nonce, which Next.js puts on its scripts
 * only when it renders them for that request.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const [locale, headerStore] = await Promise.all([getLocale(), headers()]);
  return (
    <html lang={locale}>
      <head>
        <JitlessZod nonce={headerStore.get("x-nonce") ?? undefined} />
      </head>
      <body className="font-sans antialiased">
        <NextIntlClientProvider>
          {children}
          <LazyToaster />
          <ValidationMessages />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
