"use client";

import { LifeBuoy } from "lucide-react";
import { useT } from "@/components/i18n/client";
import { HotlineLinks } from "./hotline-links";
import type { SupportData } from "./types";

const BODY = { suicide: "chat.support.body", medical: "chat.support.bodyMedical", violence: "chat.support.bodyViolence" } as const;

/**
 * The check-in tier: a gentler pointer to help for worrying but not urgent messages; the answer
 * follows it, ending with the screening question the box points to.
 */
export function SupportBox({ support }: { support: SupportData }) {
  const t = useT();
  return (
    <aside aria-label={t("chat.support.title")} data-testid="support-box" className="flex flex-col gap-3 rounded-xl border border-amber-200 bg-amber-50 p-4">
      <div className="flex items-start gap-2 text-amber-900">
        <LifeBuoy aria-hidden className="mt-0.5 size-5 shrink-0" />
        <div>
          <p className="font-semibold">{t("chat.support.title")}</p>
          <p className="text-sm leading-relaxed">{t(BODY[support.category])}</p>
          {support.screening ? <p className="mt-1 text-sm leading-relaxed">{t("chat.support.question")}</p> : null}
        </div>
      </div>
      <HotlineLinks hotlines={support.hotlines} tone="support" />
    </aside>
  );
}
