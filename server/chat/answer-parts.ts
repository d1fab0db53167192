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

/** A piece of streamed text ends at the first word or CJK run that takes it to this many characters. */
const PIECE_CHARS = 64;

/**
 * Splits text at word (or CJK run) boundaries into pieces of about PIECE_CHARS characters, so offline
 * answers stream like model output. Not word by word: each piece passes through every layer of the
 * turn's stream (generators, the UI message stream, a socket write), a few thousand promises per
 * answer, while the pieces of an offline answer are all ready at once.
 */
export function* pieces(text: string): Generator<string> {
  let piece = "";
  for (const m of text.matchAll(/[\u3400-\u9fff\uf900-\ufaff]{1,6}|\s*\S+\s*|\s+/gu)) {
    piece += m[0];
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = "";
    }
  }
  if (piece) yield piece;
}

export const ms = (since: number) => Math.round((performance.now() - since) * 10) / 10;
