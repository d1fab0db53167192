import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, check, customType, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { avatars } from "./avatars";
import { bytea, createdAt, id, orgId, tsvector, type UrgencyLevel } from "./columns";
import { corpora } from "./corpora";
import { organizations } from "./orgs";

/** The offline embedder's dimension (the default). */
export const EMBEDDING_DIMENSIONS = 384;

/**
 * Embedding sizes with an HNSW index of their own. The column takes vectors of any size (an embedder is
 * a setting); each index covers the rows of one size, and queries cast to the active embedder's size so
 * the planner can use it. Sizes above pgvector's 2,000-dimension HNSW limit are indexed as halfvec.
 */
export const INDEXED_DIMENSIONS = [384, 768, 1024, 1536, 3072] as const;
/** pgvector indexes vector up to this many dimensions, halfvec up to 4,000. */
export const HNSW_MAX_VECTOR_DIMENSIONS = 2000;

/** A pgvector `vector` of no fixed size. */
const anyVector = customType<{ data: number[]; driverData: string }>({
  dataType() {
    return "vector";
  },
  toDriver(value) {
    return `[${value.join(",")}]`;
  },
  fromDriver(value) {
    return JSON.parse(value) as number[];
  },
});

/** The vector type a query casts to for `dimensions`, so the partial HNSW index of that size applies. */
export function vectorCast(dimensions: number): string {
  const d = Math.trunc(dimensions);
  return d > HNSW_MAX_VECTOR_DIMENSIONS ? `halfvec(${d})` : `vector(${d})`;
}

/** One partial HNSW index per indexed size (expression and predicate written as the queries write them). */
function hnswIndexes(table: string, column: { name: string }) {
  return INDEXED_DIMENSIONS.map((d) => {
    const ops = d > HNSW_MAX_VECTOR_DIMENSIONS ? "halfvec_cosine_ops" : "vector_cosine_ops";
    return index(`${table}_embedding_hnsw_${d}`)
      .using("hnsw", sql.raw(`("${column.name}"::${vectorCast(d)}) ${ops}`))
      .where(sql.raw(`vector_dims("${column.name}") = ${d}`));
  });
}

/** A page read by OCR (1 for an image) and the recognizer's mean word confidence, 0..100 (null: it found no text). */
export interface OcrPage {
  page: number;
  confidence: number | null;
}

export const documentStatus = pgEnum("document_status", ["queued", "processing", "ready", "failed"]);

/** What kind of source a document is, as a doctor would cite it. */
export const SOURCE_KINDS = ["guideline", "journal", "textbook", "own_article", "other"] as const;
export const documentSourceKind = pgEnum("document_source_kind", SOURCE_KINDS);

export const documents = pgTable(
  "documents",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    /** The avatar the document belongs to, or (corpus_id) the shared corpus: exactly one of them. */
    avatarId: text("avatar_id").references(() => avatars.id, { onDelete: "cascade" }),
    corpusId: text("corpus_id").references(() => corpora.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    filename: text("filename"),
    format: text("format").notNull(),
    contentHash: text("content_hash").notNull(),
    byteSize: integer("byte_size").notNull(),
    status: documentStatus("status").notNull().default("queued"),
    /** 0..100, shown as the studio's progress bar. */
    progress: integer("progress").notNull().default(0),
    error: text("error"),
    passageCount: integer("passage_count").notNull().default(0),
    /**
     * Which of the document's passages serve: those whose generation equals this. A job writes the next
     * generation in small batches beside the live one and then flips this in a short transaction, so an
     * embedded database is never held for a whole large document.
     */
    passageGeneration: text("passage_generation").notNull().default(""),
    enabled: boolean("enabled").notNull().default(true),
    /** The pages of the live passages that were read by OCR (scanned PDF pages, an image), with confidence. */
    ocrPages: jsonb("ocr_pages").$type<OcrPage[]>().notNull().default([]),
    /**
     * The keyword tokenizer version its passages were indexed with (TOKENIZER_VERSION in
     * server/knowledge/text/tokenize.ts); an older one puts the document back on the ingestion queue at start.
     */
    tokenizerVersion: integer("tokenizer_version").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    // Provenance: what the patient's citation shows and what the studio flags when it is due for review.
    sourceKind: documentSourceKind("source_kind"),
    /** The issuing body, journal or publisher, e.g. "ESC", "NEJM", "人民卫生出版社". */
    sourceName: text("source_name"),
    /** Edition or year, as the doctor writes it ("2023", "9th edition"). */
    edition: text("edition"),
    /** Evidence level or grade where it applies ("1A", "B"). */
    evidenceLevel: text("evidence_level"),
    reviewBy: date("review_by", { mode: "string" }),
    /**
     * Set on a pending replacement: a new version of that document being processed. Its passages are
     * swapped into the original in one transaction when it is ready; until then (and if it fails) the
     * original keeps serving. Such rows never reach retrieval themselves.
     */
    replacesDocumentId: text("replaces_document_id").references((): AnyPgColumn => documents.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("documents_avatar_idx").on(t.avatarId),
    uniqueIndex("documents_avatar_hash_key").on(t.avatarId, t.contentHash).where(sql`replaces_document_id is null`),
    index("documents_replaces_idx").on(t.replacesDocumentId),
    index("documents_corpus_idx").on(t.corpusId),
    uniqueIndex("documents_corpus_hash_key").on(t.corpusId, t.contentHash).where(sql`replaces_document_id is null`),
    check("documents_one_owner", sql`(avatar_id is null) <> (corpus_id is null)`),
  ],
);

/** The original upload, kept so a document can be re-processed after a crash or a chunker change. */
export const documentFiles = pgTable("document_files", {
  documentId: text("document_id")
    .primaryKey()
    .references(() => documents.id, { onDelete: "cascade" }),
  orgId: orgId(),
  data: bytea("data").notNull(),
});

export const passages = pgTable(
  "passages",
  {
    id: id(),
    orgId: orgId(),
    /** As the document's: its avatar, or its shared corpus. */
    avatarId: text("avatar_id").references(() => avatars.id, { onDelete: "cascade" }),
    corpusId: text("corpus_id").references(() => corpora.id, { onDelete: "cascade" }),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    headingPath: jsonb("heading_path").$type<string[]>().notNull(),
    content: text("content").notNull(),
    charStart: integer("char_start").notNull(),
    charEnd: integer("char_end").notNull(),
    page: integer("page"),
    /** The indexing run that wrote it; only the document's passage_generation is live (see documents). */
    generation: text("generation").notNull().default(""),
    keywords: tsvector("keywords").notNull(),
    embedding: anyVector("embedding").notNull(),
    embedder: text("embedder").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("passages_avatar_idx").on(t.avatarId),
    index("passages_corpus_idx").on(t.corpusId),
    index("passages_document_idx").on(t.documentId),
    ...hnswIndexes("passages", t.embedding),
    // No autovacuum on PGlite: a pending list would only be merged by ingestion's explicit clean-up.
    index("passages_keywords_gin").using("gin", t.keywords).with({ fastupdate: false }),
    uniqueIndex("passages_document_generation_ordinal_key").on(t.documentId, t.generation, t.ordinal),
  ],
);

/**
 * A doctor's curated answer: a question with the answer to give verbatim when a patient asks it
 * closely enough. From an FAQ sheet (document_id set; it goes with the document) or written by hand.
 */
export const curatedAnswers = pgTable(
  "curated_answers",
  {
    id: id(),
    orgId: orgId(),
    /** As the document's: its avatar, or its shared corpus (hand-written answers belong to an avatar). */
    avatarId: text("avatar_id").references(() => avatars.id, { onDelete: "cascade" }),
    corpusId: text("corpus_id").references(() => corpora.id, { onDelete: "cascade" }),
    documentId: text("document_id").references(() => documents.id, { onDelete: "cascade" }),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    /** Question tokens (weight A) and answer tokens, as passages' keywords are built. */
    keywords: tsvector("keywords").notNull(),
    /** Embedding of the question. */
    embedding: anyVector("embedding").notNull(),
    embedder: text("embedder").notNull(),
    /** How urgently care is advised by this answer, when the doctor set it. */
    urgency: text("urgency").$type<UrgencyLevel>(),
    /** A document's entry: the indexing run that wrote it, as passages.generation (pinned ones outlive a re-index). */
    generation: text("generation").notNull().default(""),
    /**
     * Whether published versions use it at once. False: only versions published after it was created
     * (a gap answered "with the next version"). The draft preview always uses it.
     */
    live: boolean("live").notNull().default(true),
    /** As documents.tokenizer_version: hand-written answers with an older one get their keywords rebuilt at start. */
    tokenizerVersion: integer("tokenizer_version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("curated_answers_avatar_idx").on(t.avatarId),
    index("curated_answers_corpus_idx").on(t.corpusId),
    index("curated_answers_document_idx").on(t.documentId),
    ...hnswIndexes("curated_answers", t.embedding),
    index("curated_answers_keywords_gin").using("gin", t.keywords).with({ fastupdate: false }),
  ],
);

/**
 * Term associations an avatar learns from its own documents at ingestion (server/knowledge/text/aliases.ts):
 * a term and its alias as the text pairs them ("慢性阻塞性肺疾病（COPD）", "chronic obstructive pulmonary
 * disease (COPD)", "心肌梗死（心梗）", "X, also called Y"). Retrieval expands a query that names one with
 * the other, at a lower weight. Rows belong to the document that taught them, so they change with it.
 */
export const termAssociations = pgTable(
  "term_associations",
  {
    id: id(),
    orgId: orgId(),
    /** As the document's: its avatar, or its shared corpus. */
    avatarId: text("avatar_id").references(() => avatars.id, { onDelete: "cascade" }),
    corpusId: text("corpus_id").references(() => corpora.id, { onDelete: "cascade" }),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    term: text("term").notNull(),
    alias: text("alias").notNull(),
  },
  (t) => [index("term_associations_document_idx").on(t.documentId), uniqueIndex("term_associations_document_pair_key").on(t.documentId, t.term, t.alias)],
);
