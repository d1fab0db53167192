/**
 * The CPU-bound half of indexing one document: parse, chunk, keyword fields and (with the offline
 * embedder) vectors. It runs in the ingestion worker thread (worker-entry.ts), never on the thread that
 * answers patients; the database half stays in the main process (index-document.ts).
 */
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import type { OcrPage } from "@/db/schema/knowledge";
import type { ReadingLimits } from "@/server/knowledge/limits";
import { passageKeywordFields } from "@/server/knowledge/retrieve/keyword-index";
import { type AliasPair, extractAliases } from "@/server/knowledge/text/aliases";
import { type Chunk, chunkDocument } from "./chunk";
import { type FaqEntry, parseDocument, type ParsedDocument } from "./parse";

const EMBED_BATCH = 256;

export interface PrepareInput {
  bytes: Uint8Array;
  format: string;
  /** The document's title, which the keyword index weighs with the headings. */
  title: string;
  /** Whether to make the offline embedder's vectors here too (when it is the active embedder). */
  embedOffline: boolean;
  limits: ReadingLimits;
}

export interface PreparedDocument {
  chunks: Chunk[];
  /** The text each chunk is embedded as (its heading path, then its content). */
  embedTexts: string[];
  keywordFields: { head: string; concepts: string; body: string }[];
  faq: FaqEntry[];
  /** Pages read by OCR, with its confidence (none for a document with a text layer throughout). */
  ocrPages: OcrPage[];
  /** Term/alias pairs the text states (aliases.ts), stored as the avatar's term associations. */
  aliases: AliasPair[];
  /**
   * Offline vectors, row after row (chunks, then FAQ questions), when the offline embedder is active;
   * one Float32Array so it crosses to the main thread without a copy (pgvector stores float4 anyway).
   */
  vectors: Float32Array | null;
}

/** An FAQ sheet's passages: one per pair, never cut — the question as its heading, the answer as its text. */
function faqChunks(parsed: ParsedDocument): Chunk[] {
  const faq = parsed.faq!;
  return faq.entries.map((entry, i) => ({
    ordinal: i,
    content: entry.answer,
    headingPath: [entry.question],
    charStart: faq.spans[i]!.start,
    charEnd: faq.spans[i]!.end,
    page: null,
  }));
}

export function chunksOf(parsed: ParsedDocument): Chunk[] {
  return parsed.faq ? faqChunks(parsed) : chunkDocument(parsed.text, { format: parsed.structure, pageBreaks: parsed.pageBreaks });
}

export async function prepareDocument(input: PrepareInput): Promise<PreparedDocument> {
  const parsed = await parseDocument(input.bytes, input.format, input.limits);
  const chunks = chunksOf(parsed);
  const faq = parsed.faq?.entries ?? [];
  const embedTexts = chunks.map((c) => [...c.headingPath, c.content].join("\n"));
  const keywordFields = chunks.map((c) => passageKeywordFields({ title: input.title, headingPath: c.headingPath, content: c.content }));
  let vectors: Float32Array | null = null;
  if (input.embedOffline) {
    const embedder = createOfflineEmbedder();
    const texts = [...embedTexts, ...faq.map((e) => e.question)];
    vectors = new Float32Array(texts.length * embedder.dimensions);
    // In batches, so only a batch of vectors exists as number arrays at once.
    for (let start = 0; start < texts.length; start += EMBED_BATCH) {
      const batch = await embedder.embed(texts.slice(start, start + EMBED_BATCH));
      for (const [i, vector] of batch.entries()) vectors.set(vector, (start + i) * embedder.dimensions);
    }
  }
  return { chunks, embedTexts, keywordFields, faq, ocrPages: parsed.ocrPages ?? [], aliases: extractAliases(parsed.text), vectors };
}
