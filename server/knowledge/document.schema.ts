import { z } from "zod";
import { SOURCE_KINDS } from "@/db/schema/knowledge";

const blankToNull = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((v) => (v ? v : null));

/** What a doctor would cite about a document; every field optional (blank = not stated). */
export const ZProvenance = z.object({
  sourceKind: z
    .enum(SOURCE_KINDS)
    .or(z.literal(""))
    .nullish()
    .transform((v) => (v ? v : null)),
  sourceName: blankToNull(120, "Keep the source name under 120 characters."),
  edition: blankToNull(60, "Keep the edition or year under 60 characters."),
  evidenceLevel: blankToNull(20, "Keep the evidence level short (e.g. 1A or B)."),
  reviewBy: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), "Give the review date as YYYY-MM-DD."),
});
export type TProvenanceInput = z.input<typeof ZProvenance>;
export type TProvenance = z.output<typeof ZProvenance>;

export const ZPasteDocumentInput = z.object({
  avatarId: z.string().min(1).max(64),
  title: z.string().trim().min(1, "Give the document a title.").max(200),
  text: z.string().min(1, "Paste some text.").max(2_000_000, "The text is too long to paste; upload it as a file."),
  provenance: ZProvenance.optional(),
});
export const ZDocumentId = z.object({ documentId: z.string().min(1).max(64) });
export const ZSetEnabledInput = ZDocumentId.extend({ enabled: z.boolean() });
export const ZUpdateProvenanceInput = ZDocumentId.extend({ provenance: ZProvenance });
export const ZTestRetrievalInput = z.object({
  avatarId: z.string().min(1).max(64),
  query: z.string().trim().min(1, "Type a question to test.").max(1000, "Keep the test question under 1,000 characters."),
});

/** A test question: what a patient would ask, and the document (optionally a phrase of the passage) that should answer it. */
export const ZAddTestQuestion = z.object({
  avatarId: z.string().min(1).max(64),
  question: z.string().trim().min(3, "Write the question as a patient would ask it.").max(500, "Keep the question under 500 characters."),
  expectedDocumentId: z.string().min(1, "Choose the document that should answer the question.").max(64),
  expectedText: z.string().trim().max(300, "Keep the passage phrase under 300 characters.").nullish(),
});
export const ZTestQuestionId = z.object({ avatarId: z.string().min(1).max(64), testQuestionId: z.string().min(1).max(64) });
