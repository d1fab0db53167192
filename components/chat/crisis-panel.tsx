"use client";

import { Siren } from "lucide-react";
import { useEffect, useRef } from "react";
import { useT } from "@/components/i18n/client";
import { CallbackForm } from "./callback-form";
import { HotlineLinks } from "./hotline-links";
import type { CrisisData } from "./types";

/** Shown the moment the safety check flags a crisis: emergency numbers first, before any other text. */
/** `conversationId` is given only where a callback can be attached (a patient's own conversation, not a preview). */
export function CrisisPanel({ crisis, conversationId }: { crisis: CrisisData; conversationId?: string }) {
  const t = useT();
  const panel = useRef<HTMLDivElement>(null);
  // The numbers must be on screen, not below the fold or behind the composer.
  useEffect(() => {
    panel.current?.scrollIntoView({ block: "start" });
  }, []);
  return (
    <div ref={panel} role="alert" data-testid="crisis-panel" className="flex scroll-mt-4 flex-col gap-3 rounded-xl border-2 border-crisis-600 bg-crisis-50 p-4">
      <div className="flex items-start gap-2 text-crisis-700">
        <Siren aria-hidden className="mt-0.5 size-6 shrink-0" />
        <div>
          <p className="text-lg font-bold">{t("chat.crisis.title")}</p>
          <p className="text-sm leading-relaxed">{t(crisis.category === "medical" ? "chat.crisis.bodyMedical" : "chat.crisis.body")}</p>
        </div>
      </div>
      <HotlineLinks hotlines={crisis.hotlines} tone="crisis" />
      <p className="text-sm text-crisis-700">{t("chat.crisis.notified")}</p>
      {conversationId ? <CallbackForm conversationId={conversationId} /> : null}
    </div>
  );
}
