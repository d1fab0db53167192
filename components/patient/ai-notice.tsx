import { ShieldAlert } from "lucide-react";
import { getT } from "@/components/i18n/server";

/** Said plainly before the first question: an AI avatar, not the doctor, and not a diagnosis. */
export async function AiNotice({ disclaimer, language }: { disclaimer: string; language: string }) {
  const t = await getT();
  return (
    <section aria-labelledby="ai-notice-title" data-testid="ai-notice" className="flex gap-3 rounded-xl border border-amber-200 bg-amber-50 p-4 text-amber-950">
      <ShieldAlert aria-hidden className="mt-0.5 size-5 shrink-0" />
      <div className="flex flex-col gap-1 text-sm leading-relaxed">
        <h2 id="ai-notice-title" className="font-semibold">
          {t("patient.notice.title")}
        </h2>
        <p>{t("patient.notice.body")}</p>
        {disclaimer ? <p lang={language}>{disclaimer}</p> : null}
      </div>
    </section>
  );
}
