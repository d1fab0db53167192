import type { Metadata, Viewport } from "next";
import { I18nProvider } from "@/components/i18n/client";
import { getLocale } from "@/components/i18n/server";
import { TRPCReactProvider } from "@/components/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Fenshen 分身", template: "%s · Fenshen 分身" },
  description: "Doctors' AI avatars grounded in their own materials. 医生的AI分身。",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <I18nProvider locale={locale}>
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
