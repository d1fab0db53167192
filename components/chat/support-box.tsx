"use client";

import { LifeBuoy } from "lucide-react";
import { useT } from "@/components/i18n/client";
import { HotlineLinks } from "./hotline-links";
import type { Hotline } from "./types";

/** A gentler pointer to help, for worrying but not urgent messages; the answer follows it. */
export function SupportBox({ hotlines }: { hotlines: Hotline[] }) {
  const t = useT();
  return (
    <aside aria-label={t("chat.support.title")} data-testid="support-box" className="flex flex-col gap-3 rounded-xl border border-amber-200 bg-amber-50 p-4">
      <div className="flex items-start gap-2 text-amber-900">
        <LifeBuoy aria-hidden className="mt-0.5 size-5 shrink-0" />
        <div>
          <p className="font-semibold">{t("chat.support.title")}</p>
          <p className="text-sm leading-relaxed">{t("chat.support.body")}</p>
        </div>
      </div>
      <HotlineLinks hotlines={hotlines} tone="support" />
    </aside>
  );
}
