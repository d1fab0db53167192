import type { Citation, CitationOwner } from "@/db/schema";
import type { RetrievedPassage } from "@/server/knowledge/retrieve/retrieve";

export type Provenance = Map<string, { source: string | null; year: string | null; owner?: CitationOwner }>;

export function toCitations(passages: RetrievedPassage[], provenance: Provenance): Citation[] {
  return passages.map((p, i) => ({
    index: i + 1,
    passageId: p.id,
    documentId: p.documentId,
    documentTitle: p.documentTitle,
    headingPath: p.headingPath,
    page: p.page,
    excerpt: p.content,
    source: provenance.get(p.documentId)?.source ?? null,
    year: provenance.get(p.documentId)?.year ?? null,
    kind: "passage",
    ...(provenance.get(p.documentId)?.owner ? { owner: provenance.get(p.documentId)!.owner } : {}),
  }));
}

/**
 * The composer's sentences with their [n] markers, and the passages they cite, numbered in order of
 * first use (the offline answer and a protocol's closing).
 */
export function citedSentences(sentences: { text: string; passageId: string }[], passages: RetrievedPassage[]): { text: string; used: RetrievedPassage[] } {
  const order = [...new Set(sentences.map((s) => s.passageId))];
  return {
    text: sentences.map((s) => `${s.text} [${order.indexOf(s.passageId) + 1}]`).join(" "),
    used: order.map((id) => passages.find((p) => p.id === id)!),
  };
}

/** Splits text into small pieces so offline answers stream like model output. */
export function* pieces(text: string): Generator<string> {
  for (const m of text.matchAll(/[\u3400-\u9fff\uf900-\ufaff]{1,6}|\s*\S+\s*|\s+/gu)) yield m[0];
}

export const ms = (since: number) => Math.round((performance.now() - since) * 10) / 10;
