"use client";

import { Globe, Phone } from "lucide-react";
import { useLocale } from "@/components/i18n/client";
import { cn } from "@/components/ui/cn";
import type { Hotline } from "./types";

/** Tap-to-call links, large enough for a shaking thumb, each naming the service and its number. */
export function HotlineLinks({ hotlines, tone }: { hotlines: Hotline[]; tone: "crisis" | "support" }) {
  const locale = useLocale();
  const itemClass = cn(
    "flex min-h-12 items-center gap-3 rounded-lg px-3 py-2 font-medium",
    tone === "crisis" ? "bg-crisis-600 text-white" : "border border-slate-300 bg-white text-slate-900",
  );
  return (
    <ul className="grid gap-2 sm:grid-cols-2">
      {hotlines.map((h) => {
        const Icon = h.tel ? Phone : Globe;
        const body = (
          <>
            <Icon aria-hidden className="size-5 shrink-0" />
            <span className="flex min-w-0 flex-col">
              <span className="text-sm leading-snug">{h.label[locale]}</span>
              <span className="text-lg leading-tight font-bold break-all tabular-nums">{h.number}</span>
            </span>
          </>
        );
        return (
          <li key={h.id}>
            {/* Entries without a phone number (a directory website) are shown, not dialled. */}
            {h.tel ? (
              <a href={h.tel} className={cn(itemClass, tone === "crisis" ? "hover:bg-crisis-700" : "hover:bg-slate-50")}>
                {body}
              </a>
            ) : (
              <p className={itemClass}>{body}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
