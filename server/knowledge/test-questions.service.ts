/**
 * Test questions: the doctor's check of retrieval quality. Each is a patient's question and the document
 * (optionally the passage, by a phrase of it) that should answer it; a question passes when retrieval
 * returns that among its top results. Run on demand from the studio and before every publish (the
 * publishing service), where the organization's rule may require every one to pass.
 */
import "server-only";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { curatedAnswers, documents, type PassagePin, type TestQuestionHit, testQuestions } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { type AvatarRow, getAvatarOrThrow, mayEditAvatar } from "@/server/avatars/avatar.service";
import { AppError } from "@/server/lib/errors";
import { includedCorpusIds } from "./corpus.service";
import type { Embedder } from "./embed/embedder";
import { retrievePassages } from "./retrieve/retrieve";
import { sharedEmbedder } from "./retrieve/shared-embedding";

/** A question passes when what should answer it is among this many results (what an answer draws on). */
export const TEST_TOP_K = 5;
/** Questions per avatar: enough for a doctor's FAQ sheets, few enough to run before every publish. */
export const MAX_TEST_QUESTIONS = 200;
const EXCERPT = 240;

type TestQuestionRow = typeof testQuestions.$inferSelect;

/** Lower-cased, whitespace collapsed: how an expected phrase is looked for in a passage. */
const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

/** What retrieval returned for one question, and whether (and where) the expected document or passage is among it. */
async function runOne(db: Db, avatarId: string, embedder: Embedder, q: TestQuestionRow, scope: { pins?: readonly PassagePin[] }) {
  const found = q.expectedDocumentId ? await retrievePassages(db, { avatarId, query: q.question, embedder, limit: TEST_TOP_K, pins: scope.pins }) : [];
  const phrase = q.expectedText ? normalize(q.expectedText) : null;
  const hits: TestQuestionHit[] = found.map((p) => ({
    documentId: p.documentId,
    documentTitle: p.documentTitle,
    excerpt: p.content.slice(0, EXCERPT),
    expected: p.documentId === q.expectedDocumentId && (!phrase || normalize(p.content).includes(phrase)),
  }));
  const rank = hits.findIndex((h) => h.expected);
  return { passed: rank >= 0, rank: rank >= 0 ? rank + 1 : null, hits };
}

export interface TestRun {
  total: number;
  passed: number;
  /** Passed / total (1 without questions). */
  recall: number;
  failing: { id: string; question: string }[];
  /** Questions that passed in the run before and fail now. */
  regressions: { id: string; question: string }[];
}

/**
 * Runs every test question of the avatar against its draft, or (pins) against the passages a version
 * would serve, and records each outcome beside the one before it. The embedder is asked for only when
 * there are questions (publishing calls this for every avatar).
 */
export async function runAvatarTestQuestions(
  db: Db,
  avatar: Pick<AvatarRow, "id" | "orgId">,
  configured: () => Embedder,
  scope: { pins?: readonly PassagePin[] } = {},
): Promise<TestRun> {
  const questions = await db.select().from(testQuestions).where(and(eq(testQuestions.avatarId, avatar.id), eq(testQuestions.orgId, avatar.orgId))).orderBy(asc(testQuestions.createdAt));
  const run: TestRun = { total: questions.length, passed: 0, recall: 1, failing: [], regressions: [] };
  if (questions.length === 0) return run;
  const embedder = sharedEmbedder(configured());
  const now = new Date();
  for (const q of questions) {
    const outcome = await runOne(db, avatar.id, embedder, q, scope);
    await db
      .update(testQuestions)
      .set({ previousPassed: q.lastPassed, lastPassed: outcome.passed, lastRank: outcome.rank, lastHits: outcome.hits, lastRunAt: now })
      .where(eq(testQuestions.id, q.id));
    if (outcome.passed) run.passed += 1;
    else {
      run.failing.push({ id: q.id, question: q.question });
      if (q.lastPassed) run.regressions.push({ id: q.id, question: q.question });
    }
  }
  run.recall = run.total ? run.passed / run.total : 1;
  return run;
}

/** The avatar's test questions with their latest outcome, and the summary the studio shows. */
export async function listTestQuestions(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string) {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "read");
  const rows = await db.select().from(testQuestions).where(and(eq(testQuestions.avatarId, avatar.id), eq(testQuestions.orgId, avatar.orgId))).orderBy(asc(testQuestions.createdAt));
  const run = rows.filter((r) => r.lastPassed !== null);
  return {
    canEdit: await mayEditAvatar(db, actor, avatar.id),
    topK: TEST_TOP_K,
    questions: rows.map((r) => ({
      id: r.id,
      question: r.question,
      source: r.source,
      expectedDocumentId: r.expectedDocumentId,
      expectedTitle: r.expectedTitle,
      expectedText: r.expectedText,
      passed: r.lastPassed,
      rank: r.lastRank,
      hits: r.lastHits ?? [],
      regressed: r.previousPassed === true && r.lastPassed === false,
    })),
    summary: {
      total: rows.length,
      run: run.length,
      passed: run.filter((r) => r.lastPassed).length,
      recall: run.length ? run.filter((r) => r.lastPassed).length / run.length : null,
      lastRunAt: run.reduce<Date | null>((latest, r) => (r.lastRunAt && (!latest || r.lastRunAt > latest) ? r.lastRunAt : latest), null),
      regressions: run.filter((r) => r.previousPassed === true && r.lastPassed === false).length,
    },
  };
}

async function assertRoom(db: Db, avatarId: string, adding: number) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(testQuestions).where(eq(testQuestions.avatarId, avatarId));
  if (Number(row?.n ?? 0) + adding > MAX_TEST_QUESTIONS) throw new AppError("bad_request", `An avatar has at most ${MAX_TEST_QUESTIONS} test questions; remove some first.`);
}

/** A document that may answer the avatar's questions: its own, or one of a shared corpus it includes. */
async function answeringDocumentOrThrow(db: Db, avatar: AvatarRow, unverifiedDocumentId: string) {
  const corpusIds = await includedCorpusIds(db, avatar.id);
  const [doc] = await db
    .select({ id: documents.id, title: documents.title, avatarId: documents.avatarId, corpusId: documents.corpusId })
    .from(documents)
    .where(and(eq(documents.id, unverifiedDocumentId), eq(documents.orgId, avatar.orgId)));
  if (!doc || !(doc.avatarId === avatar.id || (doc.corpusId && corpusIds.includes(doc.corpusId)))) {
    throw new AppError("not_found", "No such document in this avatar's materials or the shared corpora it includes.");
  }
  return doc;
}

export async function addTestQuestion(db: Db, actor: Principal<"staff">, input: { avatarId: string; question: string; expectedDocumentId: string; expectedText?: string | null }) {
  const avatar = await getAvatarOrThrow(db, actor, input.avatarId, "edit");
  const doc = await answeringDocumentOrThrow(db, avatar, input.expectedDocumentId);
  await assertRoom(db, avatar.id, 1);
  const [row] = await db
    .insert(testQuestions)
    .values({ orgId: avatar.orgId, avatarId: avatar.id, question: input.question, expectedDocumentId: doc.id, expectedTitle: doc.title, expectedText: input.expectedText || null, source: "doctor" })
    .onConflictDoNothing()
    .returning({ id: testQuestions.id });
  if (!row) throw new AppError("conflict", "This avatar already has that test question.");
  return row;
}

export async function removeTestQuestion(db: Db, actor: Principal<"staff">, input: { avatarId: string; testQuestionId: string }) {
  const avatar = await getAvatarOrThrow(db, actor, input.avatarId, "edit");
  const [gone] = await db
    .delete(testQuestions)
    .where(and(eq(testQuestions.id, input.testQuestionId), eq(testQuestions.avatarId, avatar.id)))
    .returning({ id: testQuestions.id });
  if (!gone) throw new AppError("not_found", "No such test question for this avatar.");
}

/**
 * Adds a test question for each entry of the avatar's FAQ sheets that has none yet: the question, with
 * the sheet as what should answer it. (Hand-written curated answers answer what the materials do not
 * cover, so there is no passage they should find.) Returns how many were added.
 */
export async function seedTestQuestionsFromFaq(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string): Promise<{ added: number }> {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "edit");
  const entries = await db
    .selectDistinctOn([sql`lower(${curatedAnswers.question})`], { question: curatedAnswers.question, documentId: documents.id, title: documents.title })
    .from(curatedAnswers)
    .innerJoin(documents, eq(documents.id, curatedAnswers.documentId))
    .where(
      and(
        eq(curatedAnswers.avatarId, avatar.id),
        isNotNull(curatedAnswers.documentId),
        eq(documents.enabled, true),
        sql`${curatedAnswers.generation} = ${documents.passageGeneration}`,
        sql`not exists (select 1 from ${testQuestions} t where t.avatar_id = ${avatar.id} and lower(t.question) = lower(${curatedAnswers.question}))`,
      ),
    )
    .orderBy(sql`lower(${curatedAnswers.question})`);
  if (entries.length === 0) return { added: 0 };
  await assertRoom(db, avatar.id, entries.length);
  const added = await db
    .insert(testQuestions)
    .values(entries.map((e) => ({ orgId: avatar.orgId, avatarId: avatar.id, question: e.question, expectedDocumentId: e.documentId, expectedTitle: e.title, source: "faq" as const })))
    .onConflictDoNothing()
    .returning({ id: testQuestions.id });
  return { added: added.length };
}

/** The studio's "Run test questions": against the draft as it is now. */
export async function runTestQuestions(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string, embedder: () => Embedder): Promise<TestRun> {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "edit");
  return runAvatarTestQuestions(db, avatar, embedder);
}
