/**
 * Curated answers in retrieval: the doctor's own answer to a question (from an FAQ sheet or written by
 * hand) wins over composing from passages when the patient asks that question closely enough. "Closely"
 * is strict on purpose: the answer is given verbatim, so a near miss must fall through to the normal
 * grounded path rather than answer a different question. The two questions are compared on their
 * content (English stems, Chinese characters — question words and particles aside — and the synonym
 * concepts they name):
 * - everything the patient asks about must be in the curated question ("can I drink alcohol while
 *   pregnant?" does not take the answer to "can I drink alcohol with gout?"), and
 * - the curated question may add only generic words ("eat", "每天") the patient left out, never a topic
 *   ("can I take ibuprofen?" does not take the answer to "can I take ibuprofen with warfarin?");
 * or, for embedders that know paraphrases, the questions' embeddings are nearly identical and at most
 * one content word differs on each side.
 */
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import type { PassagePin } from "@/db/schema";
import type { UrgencyLevel } from "@/db/schema/columns";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { findGeneralConcepts, findMedicalConcepts } from "@/server/knowledge/text/concepts";
import { detectLanguage } from "@/server/knowledge/text/language";
import { CHINESE_STOP_SINGLES } from "@/server/knowledge/text/stopwords";
import { GENERAL_GROUPS, MEDICAL_GROUPS } from "@/server/knowledge/text/synonyms";
import { hanPieces, keywordTokens, queryTokens, segmentText } from "@/server/knowledge/text/tokenize";
import { includedCorpusIds } from "@/server/knowledge/corpus.service";
import { idArray, pinnedPairs } from "./avatar-stats";
import { conceptTokens } from "./keyword-index";
import { cosineDistance } from "./search";

export interface CuratedMatch {
  id: string;
  documentId: string | null;
  /** Set when the entry is from a shared corpus's FAQ sheet (the hospital's or a department's). */
  corpusId: string | null;
  documentTitle: string | null;
  source: string | null;
  year: string | null;
  question: string;
  answer: string;
  /** How urgently care is advised with this answer, when the doctor set it. */
  urgency: UrgencyLevel | null;
  /** Cosine similarity of the two questions' embeddings. */
  similarity: number;
  /** Share of the patient's question's content found in the curated question (0..1). */
  queryCoverage: number;
  /** Share of the curated question's content found in the patient's question (0..1). */
  questionCoverage: number;
  /** The figure shown to the doctor (0..1): the better of the content agreement and the embedding similarity. */
  score: number;
  /** Whether it is close enough to be given verbatim. */
  matched: boolean;
}

/** Embeddings at least this similar, with at most one content word differing on each side, match. */
export const EMBEDDING_MATCH = 0.9;
/** Candidates taken from each of the keyword and vector searches. */
const CANDIDATES = 8;

/** English stems that carry no topic in a question ("is it OK to...", "is it safe..."). */
const LATIN_FILLER = new Set(["ok", "okai", "okay", "alright", "fine", "safe", "allow", "possibl", "recommend", "advis", "good", "bad", "normal", "realli", "pleas", "doctor", "question", "per"]);
/** Chinese characters that carry no topic in a question once stopwords are cut. */
const HAN_FILLER = new Set([..."一"]);
/** Common ways of asking the same thing, folded before comparing. */
const HAN_FOLDS: [RegExp, string][] = [
  [/多长时间|多少时间|多长时候/g, "多久"],
  [/一天|每日|一日/g, "每天"],
  [/以后|之后/g, "后"],
];
/** Generic words a curated question may hold that the patient's question leaves out. */
const LATIN_GENERIC = new Set(["eat", "drink", "take", "have", "get", "us", "use", "do", "need", "dai", "daili", "time", "much", "mani", "long", "often", "usual", "want", "go", "try"]);
const HAN_GENERIC = new Set([..."吃喝服用天日每次多少合适正常平常好该行"]);

interface QuestionFeatures {
  /** English stems and Chinese characters. */
  terms: Set<string>;
  concepts: Set<string>;
}

function featuresOf(text: string): QuestionFeatures {
  const segments = segmentText(HAN_FOLDS.reduce((t, [pattern, to]) => t.replace(pattern, to), text));
  const terms = new Set<string>();
  for (const segment of segments) {
    if (segment.kind === "latin") {
      if (!segment.stop && !LATIN_FILLER.has(segment.stem)) terms.add(segment.stem);
    } else {
      for (const piece of hanPieces(segment.text)) for (const ch of piece) if (!CHINESE_STOP_SINGLES.has(ch) && !HAN_FILLER.has(ch)) terms.add(ch);
    }
  }
  return { terms, concepts: new Set([...findMedicalConcepts(segments), ...findGeneralConcepts(segments)]) };
}

let conceptTermsCache: Map<string, Set<string>> | null = null;

/** For each synonym concept, the terms of all its phrases (so "heart attack" explains "myocardial infarction"). */
function conceptTerms(concept: string): Set<string> {
  if (!conceptTermsCache) {
    conceptTermsCache = new Map();
    for (const group of [...MEDICAL_GROUPS, ...GENERAL_GROUPS]) {
      const terms = new Set<string>();
      for (const phrase of group) for (const term of featuresOf(phrase).terms) terms.add(term);
      conceptTermsCache.set(group[0]!, terms);
    }
  }
  return conceptTermsCache.get(concept) ?? new Set();
}

export interface QuestionAgreement {
  /** Content both questions share (an English stem or a shared concept counts 2, a Chinese character 1). */
  shared: number;
  /** The patient's content that the curated question lacks. */
  queryExtra: string[];
  /** The curated question's content that the patient's question lacks, generic words aside. */
  questionExtra: string[];
  queryCoverage: number;
  questionCoverage: number;
}

const weightOf = (term: string) => (/^[a-z0-9]/.test(term) ? 2 : 1);
const sum = (terms: Iterable<string>) => [...terms].reduce((n, t) => n + weightOf(t), 0);

/** How far two questions agree on what they ask about. */
export function questionAgreement(query: string, question: string): QuestionAgreement {
  const q = featuresOf(query);
  const c = featuresOf(question);
  const sharedConcepts = [...q.concepts].filter((x) => c.concepts.has(x));
  const explained = new Set(sharedConcepts.flatMap((x) => [...conceptTerms(x)]));
  const sharedTerms = [...q.terms].filter((t) => c.terms.has(t));
  const queryExtra = [...q.terms].filter((t) => !c.terms.has(t) && !explained.has(t));
  const questionOnly = [...c.terms].filter((t) => !q.terms.has(t) && !explained.has(t));
  const questionExtra = questionOnly.filter((t) => !LATIN_GENERIC.has(t) && !HAN_GENERIC.has(t));
  const shared = sum(sharedTerms) + 2 * sharedConcepts.length;
  const coverage = (extra: string[]) => (shared === 0 ? 0 : shared / (shared + sum(extra)));
  return { shared, queryExtra, questionExtra, queryCoverage: coverage(queryExtra), questionCoverage: coverage(questionOnly) };
}

/** The decision for one candidate. */
export function judgeCurated(similarity: number, a: QuestionAgreement): { matched: boolean; score: number } {
  const byContent = a.shared >= 2 && a.queryExtra.length === 0 && a.questionExtra.length === 0;
  const byEmbedding = similarity >= EMBEDDING_MATCH && a.shared >= 2 && a.queryExtra.length <= 1 && a.questionExtra.length <= 1;
  return { matched: byContent || byEmbedding, score: Math.max(Math.min(a.queryCoverage, a.questionCoverage), similarity) };
}

/** What curated_answers.keywords holds: the question's tokens weigh as a heading, then the answer's. */
export function curatedKeywordVector(question: string, answer: string): SQL {
  const q = keywordTokens(question).join(" ");
  const concepts = [...new Set(conceptTokens(question))].join(" ");
  const a = keywordTokens(answer).join(" ");
  return sql`setweight(to_tsvector('simple', ${q}), 'A') || setweight(to_tsvector('simple', ${concepts}), 'B') || to_tsvector('simple', ${a})`;
}

export interface CuratedQuery {
  avatarId: string;
  query: string;
  embedder: Embedder;
  vector?: number[];
  /** A published version's documents: their FAQ entries serve instead of the enabled documents'. */
  documentIds?: readonly string[];
  /** A published version's time: hand-written answers created later serve it only when flagged live. */
  curatedAsOf?: Date;
  /** A published version's pinned generations: its documents' and shared corpora's FAQ entries as published. */
  pins?: readonly PassagePin[];
}

/**
 * The avatar's curated answers (and its shared corpora's) nearest to the query, best first, each judged. Curated answers from a
 * document follow it: a disabled, deleted or failed document's entries are not considered.
 */
export async function rankCuratedAnswers(
  db: Db,
  args: CuratedQuery,
): Promise<CuratedMatch[]> {
  const vector = args.vector ?? (await args.embedder.embed([args.query]))[0]!;
  const hasVector = vector.some((v) => v !== 0);
  const terms = [...new Set([...queryTokens(args.query), ...conceptTokens(args.query)])];
  if (!hasVector && terms.length === 0) return [];
  const literal = `[${vector.join(",")}]`;
  const similarity = hasVector
    ? sql`case when c.embedder = ${args.embedder.id} then 1 - (${cosineDistance(sql`c.embedding`, literal, vector.length)}) else 0 end`
    : sql`0`;
  // Like passages: an enabled document's entries serve, also while it is re-indexed (queued or processing);
  // for a published version, its documents' entries, and hand-written ones it was published with or flagged live.
  // Entries of a document's live generation only (a pinned one may live beside it), or the pinned ones.
  const live = sql`c.generation = d.passage_generation and d.status <> 'failed' and d.replaces_document_id is null`;
  const pinned = args.pins ? sql`(c.document_id, c.generation) in ${pinnedPairs(args.pins)}` : null;
  const documentScope = args.documentIds ? sql`d.id = any(${idArray(args.documentIds)}::text[])` : sql`d.enabled`;
  const handWritten = args.curatedAsOf ? sql`c.document_id is null and (c.live or c.created_at <= ${args.curatedAsOf.toISOString()}::timestamptz)` : sql`c.document_id is null`;
  const own = sql`c.avatar_id = ${args.avatarId} and (${handWritten} or (${pinned ?? sql`${documentScope} and ${live}`}))`;
  // The shared corpora: as pinned, or (the draft) the included ones' enabled FAQ sheets, live.
  const corpusIds = pinned ? [] : await includedCorpusIds(db, args.avatarId);
  const shared = pinned
    ? sql` or (c.corpus_id is not null and ${pinned})`
    : corpusIds.length
      ? sql` or (c.corpus_id = any(${idArray(corpusIds)}::text[]) and d.enabled and ${live})`
      : sql``;
  const scope = sql`(${own}${shared})`;
  const tsquery = sql`to_tsquery('simple', ${terms.join(" | ")})`;
  const keywordRank = terms.length > 0 ? sql`case when c.keywords @@ ${tsquery} then ts_rank(c.keywords, ${tsquery}) end` : sql`null`;
  const rows = await db.execute(sql`
    with scoped as materialized (
      select c.id, c.document_id, c.corpus_id, d.title as document_title, d.source_name, d.edition, c.question, c.answer, c.urgency,
             ${similarity}::float8 as similarity, ${keywordRank}::float8 as keyword_rank
      from curated_answers c left join documents d on d.id = c.document_id
      where ${scope}
    )
    (select * from scoped order by similarity desc, id limit ${CANDIDATES})
    union
    (select * from scoped where keyword_rank is not null order by keyword_rank desc, id limit ${CANDIDATES})`);
  type Row = { id: string; document_id: string | null; corpus_id: string | null; document_title: string | null; source_name: string | null; edition: string | null; question: string; answer: string; urgency: UrgencyLevel | null; similarity: number };
  const seen = new Set<string>();
  const matches: CuratedMatch[] = [];
  for (const r of rowsOf<Row>(rows)) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const similarity = Number(r.similarity);
    const agreement = questionAgreement(args.query, r.question);
    matches.push({
      id: r.id,
      documentId: r.document_id,
      corpusId: r.corpus_id,
      documentTitle: r.document_title,
      source: r.source_name,
      year: r.edition,
      question: r.question,
      answer: r.answer,
      urgency: r.urgency,
      similarity,
      queryCoverage: agreement.queryCoverage,
      questionCoverage: agreement.questionCoverage,
      ...judgeCurated(similarity, agreement),
    });
  }
  // The lexicon's concepts join the languages, so a question may match its translation too: the doctor's
  // answer in the patient's language goes first.
  const language = detectLanguage(args.query);
  const sameLanguage = (m: CuratedMatch) => Number(detectLanguage(m.question) === language);
  return matches.sort((a, b) => Number(b.matched) - Number(a.matched) || sameLanguage(b) - sameLanguage(a) || b.score - a.score || a.id.localeCompare(b.id));
}

/** The curated answer to give verbatim for this question, or null when none matches closely. */
export async function findCuratedAnswer(db: Db, args: CuratedQuery): Promise<CuratedMatch | null> {
  const [best] = await rankCuratedAnswers(db, args);
  return best?.matched ? best : null;
}
