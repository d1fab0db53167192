import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, vector } from "drizzle-orm/pg-core";
import { avatars } from "./avatars";
import { bytea, createdAt, id, orgId, tsvector } from "./columns";
import { organizations } from "./orgs";

export const EMBEDDING_DIMENSIONS = 384;

export const documentStatus = pgEnum("document_status", ["queued", "processing", "ready", "failed"]);

/** What kind of source a document is, as a doctor would cite it. */
export const SOURCE_KINDS = ["guideline", "journal", "textbook", "own_article", "other"] as const;
export const documentSourceKind = pgEnum("document_source_kind", SOURCE_KINDS);

export const documents = pgTable(
  "documents",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
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
    enabled: boolean("enabled").notNull().default(true),
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
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    headingPath: jsonb("heading_path").$type<string[]>().notNull(),
    content: text("content").notNull(),
    charStart: integer("char_start").notNull(),
    charEnd: integer("char_end").notNull(),
    page: integer("page"),
    keywords: tsvector("keywords").notNull(),
    embedding: vector("embedding", { dimensions: EMBEDDING_DIMENSIONS }).notNull(),
    embedder: text("embedder").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("passages_avatar_idx").on(t.avatarId),
    index("passages_document_idx").on(t.documentId),
    index("passages_embedding_hnsw").using("hnsw", t.embedding.op("vector_cosine_ops")),
    index("passages_keywords_gin").using("gin", t.keywords),
    uniqueIndex("passages_document_ordinal_key").on(t.documentId, t.ordinal),
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
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
    documentId: text("document_id").references(() => documents.id, { onDelete: "cascade" }),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    /** Question tokens (weight A) and answer tokens, as passages' keywords are built. */
    keywords: tsvector("keywords").notNull(),
    /** Embedding of the question. */
    embedding: vector("embedding", { dimensions: EMBEDDING_DIMENSIONS }).notNull(),
    embedder: text("embedder").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("curated_answers_avatar_idx").on(t.avatarId),
    index("curated_answers_document_idx").on(t.documentId),
    index("curated_answers_keywords_gin").using("gin", t.keywords),
  ],
);
