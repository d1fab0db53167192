"use client";

import { MessageCircleQuestion } from "lucide-react";
import { useT } from "@/components/i18n/client";

/** The doctor's suggested first questions; tapping one sends it as the patient's question. */
export function SuggestedQuestions({ questions, language, disabled, onAsk }: { questions: string[]; language: string; disabled: boolean; onAsk: (q: string) => void }) {
  const t = useT();
  if (questions.length === 0) return null;
  return (
    <section aria-labelledby="suggested-title" data-testid="suggested-questions" className="flex flex-col gap-2">
      <h3 id="suggested-title" className="text-sm font-medium text-slate-800">
        {t("patient.suggested.title")}
      </h3>
      <ul className="flex flex-wrap gap-2" lang={language}>
        {questions.map((q) => (
          <li key={q}>
            <button
              type="button"
              disabled={disabled}
              onClick={() => onAsk(q)}
              className="inline-flex min-h-11 items-center gap-2 rounded-full border border-brand-600/40 bg-white px-4 py-2 text-left text-sm text-brand-800 hover:bg-brand-50 disabled:opacity-60"
            >
              <MessageCircleQuestion aria-hidden className="size-4 shrink-0" />
              {q}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
