"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/(auth)/actions";
import { useT } from "@/components/i18n/client";
import { LOCALES, type Locale } from "@/server/i18n/locales";
import { cn } from "@/components/ui/cn";

/** Each language is named in itself, so a visitor who cannot read the current one still finds theirs. */
const LANGUAGE_NAMES: Record<Locale, string> = { "zh-CN": "中文", en: "English" };

export function LanguageSwitcher({ current }: { current: Locale }) {
  const t = useT();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    if (locale === current) return;
    startTransition(async () => {
      await setLocaleAction(locale);
      router.refresh();
    });
  }

  return (
    <div role="group" aria-label={t("nav.language")} aria-busy={pending} className="flex rounded-lg border border-slate-300 p-0.5 text-sm">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          onClick={() => choose(locale)}
          className={cn(
            "min-h-8 rounded-md px-2.5 font-medium",
            locale === current ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
          )}
        >
          {LANGUAGE_NAMES[locale]}
        </button>
      ))}
    </div>
  );
}
