import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Toaster } from "@portal/ui/toaster";
import { TRPCReactProvider } from "@/trpc/client";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("productName"), template: `%s · ${t("productName")}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="font-sans antialiased">
        <NextIntlClientProvider>
          <TRPCReactProvider>{children}</TRPCReactProvider>
          <Toaster />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
