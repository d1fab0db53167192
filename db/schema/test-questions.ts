import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { avatars } from "./avatars";
import { createdAt, id, orgId } from "./columns";
import { documents } from "./knowledge";
import { organizations } from "./orgs";

/** One result retrieval returned for a test question, as the studio shows it. */
export interface TestQuestionHit {
  documentId: string;
  documentTitle: string;
  excerpt: string;
  /** This is what should answer the question. */
  expected: boolean;
}

/**
 * A doctor's test question for retrieval: a patient's question and the document (optionally the passage,
 * by a phrase it contains) that should answer it. Seeded from the avatar's FAQ sheets or written by the
 * doctor; run on demand and before every publish. The latest two outcomes are kept, so a knowledge
 * change that makes a passing question fail is shown as such.
 */
export const testQuestions = pgTable(
  "test_questions",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
    question: text("question").notNull(),
    /** What should answer it; null once that document is deleted (the question then fails, saying so). */
    expectedDocumentId: text("expected_document_id").references(() => documents.id, { onDelete: "set null" }),
    /** Its title, kept to name it after a deletion. */
    expectedTitle: text("expected_title").notNull(),
    /** A phrase of the passage that should answer it; null: any passage of the document. */
    expectedText: text("expected_text"),
    /** Where it came from: an FAQ sheet's entry, or the doctor. */
    source: text("source").$type<"faq" | "doctor">().notNull(),
    lastPassed: boolean("last_passed"),
    /** 1-based rank of the expected result in the last run; null when it was not found. */
    lastRank: integer("last_rank"),
    lastHits: jsonb("last_hits").$type<TestQuestionHit[]>(),
    lastRunAt: timestamp("last_run_at", { withTimezone: true }),
    /** The outcome of the run before the last one. */
    previousPassed: boolean("previous_passed"),
    createdAt: createdAt(),
  },
  (t) => [index("test_questions_avatar_idx").on(t.avatarId), uniqueIndex("test_questions_avatar_question_key").on(t.avatarId, sql`lower(${t.question})`)],
);
