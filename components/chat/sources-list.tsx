"use client";

import { ChevronDown, FileText, MessageSquareQuote } from "lucide-react";
import { useT } from "@/components/i18n/client";
import { cn } from "@/components/ui/cn";
import type { Citation } from "./types";

export const sourceButtonId = (messageId: string, index: number) => `source-${messageId}-${index}`;

/** The documents an answer drew on; each opens to show the exact passage quoted. */
export function SourcesList({ messageId, citations, open, onToggle }: { messageId: string; citations: Citation[]; open: ReadonlySet<number>; onToggle: (index: number) => void }) {
  const t = useT();
  return (
    <section aria-label={t("chat.sources.title")} data-testid="sources" className="mt-3 border-t border-slate-200 pt-3">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-700 uppercase">{t("chat.sources.title")}</h3>
      <ol className="flex flex-col gap-1.5">
        {citations.map((c) => {
          const expanded = open.has(c.index);
          const panelId = `${sourceButtonId(messageId, c.index)}-passage`;
          // A document's top heading usually repeats its title; the path is about where inside it.
          const path = c.headingPath[0] === c.documentTitle ? c.headingPath.slice(1) : c.headingPath;
          const curated = c.kind === "curated";
          const Icon = curated ? MessageSquareQuote : FileText;
          // What the document is, as a doctor would cite it: "ESC, 2023".
          const provenance = [c.source, c.year].filter(Boolean).join(", ");
          return (
            <li key={c.index} data-testid="source">
              <button
                type="button"
                id={sourceButtonId(messageId, c.index)}
                aria-expanded={expanded}
                aria-controls={panelId}
                onClick={() => onToggle(c.index)}
                className="flex min-h-11 w-full items-start gap-2 rounded-lg px-2 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:bg-brand-50"
              >
                <span className="mt-0.5 inline-flex min-w-5 justify-center rounded bg-brand-100 px-1 text-xs font-semibold text-brand-800">{c.index}</span>
                <Icon aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-600" />
                <span className="min-w-0 flex-1">
                  <span className="font-medium text-slate-900">{c.documentTitle}</span>
                  {provenance ? (
                    <span className="text-slate-700" data-testid="source-provenance">
                      {" "}
                      ({provenance})
                    </span>
                  ) : null}
                  {curated ? <span className="block text-xs font-medium text-brand-800">{t("chat.sources.curated")}</span> : null}
                  {c.owner ? (
                    <span className="block text-xs font-medium text-brand-800" data-testid="source-owner">
                      {t(c.owner.kind === "organization" ? "corpora.citation.organization" : "corpora.citation.department", { name: c.owner.name })}
                    </span>
                  ) : null}
                  {path.length > 0 || c.page ? (
                    <span className="block text-xs text-slate-600" data-testid="source-location">
                      {path.length > 0 ? (
                        <>
                          <span className="sr-only">{t("patient.sources.section")}: </span>
                          {path.join(" › ")}
                        </>
                      ) : null}
                      {path.length > 0 && c.page ? " · " : null}
                      {c.page ? t("chat.sources.page", { page: c.page }) : null}
                    </span>
                  ) : null}
                  <span className="sr-only">{t(expanded ? "patient.sources.hidePassage" : "patient.sources.showPassage")}</span>
                </span>
                <ChevronDown aria-hidden className={cn("mt-0.5 size-4 shrink-0 text-slate-600 transition-transform", expanded && "rotate-180")} />
              </button>
              <blockquote
                id={panelId}
                hidden={!expanded}
                aria-label={t("patient.sources.passage")}
                data-testid="source-passage"
                className="mx-2 mt-1 mb-2 border-l-4 border-brand-100 bg-slate-50 px-3 py-2 text-sm leading-relaxed whitespace-pre-wrap text-slate-800"
              >
                {c.excerpt}
              </blockquote>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
