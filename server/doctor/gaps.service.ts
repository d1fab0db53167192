/**
 * The knowledge-gaps queue: patients' questions the avatar answered with nothing found, answered from
 * passages of low relevance, or whose answer got a thumbs down. Gaps are read from the conversation log
 * itself; answering one writes a curated answer (live at once, or with the next published version) and
 * takes the grouped questions out of the queue, as dismissing does. Simulation runs are no patient's
 * questions (the virtual patient's gaps show on the run's scorecard) and stay out of the queue.
 */
import "server-only";
import { and, eq, gt, inArray, ne, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { avatarVersions, conversations, curatedAnswers, gapResolutions, messages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { getAvatarOrThrow, mayEditAvatar } from "@/server/avatars/avatar.service";
import { governanceFor } from "@/server/governance/governance-settings.service";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { curatedKeywordVector } from "@/server/knowledge/retrieve/curated";
import { queryTokens } from "@/server/knowledge/text/tokenize";
import { AppError } from "@/server/lib/errors";
import type { GapReason, TAnswerGapInput } from "./doctor.schema";

/**
 * An answer whose best passage is less similar to the question than this came from weak evidence: it
 * passed the retrieval floor (similarity + keyword coverage >= 0.35, fusion.ts) mostly on shared words,
 * so the materials probably do not really cover the question. On the demo corpus with the offline
 * embedder, off-topic questions that still got an answer ("Can I drink coffee?", "How do I treat
 * acne?") scored 0.08-0.19 and covered ones 0.28-0.56 (Chinese lower than English). Another embedder
 * has another scale: this is the offline one's.
 */
export const LOW_RELEVANCE = 0.2;
/** Newest gap answers read per queue. */
const MAX_GAPS = 500;

export interface GapGroup {
  /** The similar questions' shared key (their content words). */
  key: string;
  /** The latest wording of the question. */
  question: string;
  count: number;
  reasons: GapReason[];
  /** The avatar answers in the group (what answering or dismissing names). */
  messageIds: string[];
  /** Some of the conversations in the group, to open in the log. */
  conversationIds: string[];
  lastAskedAt: Date;
  /** Patients' comments on thumbs-down answers. */
  comments: string[];
  /** Whether some of the questions came from the studio's preview rather than from patients. */
  fromPreview: boolean;
}

/** Questions asking the same thing in other words often share their content words: those are the key. */
export function gapKey(question: string): string {
  const tokens = [...new Set(queryTokens(question))].sort();
  return tokens.length > 0 ? tokens.join(" ") : question.trim().toLowerCase().replace(/\s+/g, " ");
}

interface GapRow {
  message_id: string;
  conversation_id: string;
  kind: string;
  created_at: string | Date;
  top_score: number | null;
  rating: "up" | "down" | null;
  comment: string | null;
  preview: boolean;
  question: string | null;
}

function reasonsOf(r: GapRow): GapReason[] {
  const reasons: GapReason[] = [];
  if (r.kind === "no_answer") reasons.push("no_answer");
  if (r.kind === "answer" && r.top_score !== null && Number(r.top_score) < LOW_RELEVANCE) reasons.push("low_relevance");
  if (r.rating === "down") reasons.push("thumbs_down");
  return reasons;
}

/** The open gaps of an avatar, grouped by similar question, most asked first. */
export async function listGaps(db: Db, actor: Principal<"staff">, input: { avatarId: string; reason?: GapReason }) {
  const avatar = await getAvatarOrThrow(db, actor, input.avatarId, "read");
  const rows = rowsOf<GapRow>(
    await db.execute(sql`
      select a.id as message_id, a.conversation_id, a.kind::text as kind, a.created_at,
             (a.timings->>'topScore')::float8 as top_score, f.rating::text as rating, f.comment,
             c.avatar_version_id is null as preview, q.content as question
      from messages a
      join conversations c on c.id = a.conversation_id
      left join message_feedback f on f.message_id = a.id
      left join gap_resolutions g on g.message_id = a.id
      left join lateral (
        select m.content from messages m
        where m.conversation_id = a.conversation_id and m.role = 'patient' and m.created_at <= a.created_at
        order by m.created_at desc limit 1
      ) q on true
      where c.avatar_id = ${avatar.id} and c.org_id = ${actor.orgId} and c.source <> 'simulation' and a.role = 'avatar' and g.id is null
        and (a.kind = 'no_answer' or f.rating = 'down'
             or (a.kind = 'answer' and coalesce(a.model, '') <> 'curated-answer' and (a.timings->>'topScore')::float8 < ${LOW_RELEVANCE}))
      order by a.created_at desc
      limit ${MAX_GAPS}`),
  );
  const groups = new Map<string, GapGroup>();
  for (const r of rows) {
    if (!r.question) continue;
    const reasons = reasonsOf(r);
    if (input.reason && !reasons.includes(input.reason)) continue;
    const key = gapKey(r.question);
    let g = groups.get(key);
    if (!g) {
      // Rows come newest first: the first one seen gives the group its wording and time.
      g = { key, question: r.question, count: 0, reasons: [], messageIds: [], conversationIds: [], lastAskedAt: new Date(r.created_at), comments: [], fromPreview: false };
      groups.set(key, g);
    }
    g.count++;
    g.messageIds.push(r.message_id);
    if (g.conversationIds.length < 5 && !g.conversationIds.includes(r.conversation_id)) g.conversationIds.push(r.conversation_id);
    for (const reason of reasons) if (!g.reasons.includes(reason)) g.reasons.push(reason);
    if (r.comment?.trim()) g.comments.push(r.comment.trim());
    g.fromPreview ||= r.preview;
  }
  const [latest] = await db
    .select({ createdAt: avatarVersions.createdAt })
    .from(avatarVersions)
    .where(eq(avatarVersions.id, avatar.publishedVersionId ?? ""));
  const [waiting] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(curatedAnswers)
    .where(
      and(
        eq(curatedAnswers.avatarId, avatar.id),
        eq(curatedAnswers.live, false),
        latest ? gt(curatedAnswers.createdAt, latest.createdAt) : undefined,
      ),
    );
  return {
    canEdit: await mayEditAvatar(db, actor, avatar.id),
    /** Publishing needs a review: answers cannot go to patients "live", only with the next reviewed version. */
    reviewRequired: (await governanceFor(db, actor.orgId)).requirePublishApproval,
    groups: [...groups.values()].sort((a, b) => b.count - a.count || b.lastAskedAt.getTime() - a.lastAskedAt.getTime()),
    /** Curated answers written "with the next version" that the published version does not use yet. */
    waitingForPublish: waiting?.n ?? 0,
  };
}

/** The avatar answers named, checked to be this avatar's (another avatar's or organization's: not found). */
async function verifiedMessages(db: Db, actor: Principal<"staff">, avatarId: string, unverifiedIds: string[]): Promise<string[]> {
  const ids = [...new Set(unverifiedIds)];
  const found = await db
    .select({ id: messages.id })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        inArray(messages.id, ids),
        eq(messages.role, "avatar"),
        eq(conversations.avatarId, avatarId),
        eq(conversations.orgId, actor.orgId),
        ne(conversations.source, "simulation"),
      ),
    );
  if (found.length !== ids.length) throw new AppError("not_found", "Some of these questions are not in this avatar's conversations.");
  return ids;
}

/**
 * Answers a gap: a curated answer the avatar gives verbatim when the question is asked closely again
 * (the draft preview at once; the published version at once when live, else from its next version).
 */
export async function answerGap(db: Db, actor: Principal<"staff">, input: TAnswerGapInput, embedder: Embedder) {
  const avatar = await getAvatarOrThrow(db, actor, input.avatarId, "edit");
  // A live answer reaches patients at once: where publishing needs a review, it waits for the next reviewed version.
  if (input.apply === "live" && (await governanceFor(db, actor.orgId)).requirePublishApproval) {
    throw new AppError("forbidden", "Your organization requires a reviewer's approval before anything reaches patients: answer with the next version, then request a review.");
  }
  const ids = await verifiedMessages(db, actor, avatar.id, input.messageIds);
  const [vector] = await embedder.embed([input.question]);
  return db.transaction(async (tx) => {
    const [curated] = await tx
      .insert(curatedAnswers)
      .values({
        orgId: avatar.orgId,
        avatarId: avatar.id,
        question: input.question,
        answer: input.answer,
        keywords: curatedKeywordVector(input.question, input.answer),
        embedding: vector!,
        embedder: embedder.id,
        live: input.apply === "live",
      })
      .returning({ id: curatedAnswers.id, live: curatedAnswers.live, createdAt: curatedAnswers.createdAt });
    await tx
      .insert(gapResolutions)
      .values(ids.map((messageId) => ({ orgId: avatar.orgId, avatarId: avatar.id, messageId, resolution: "answered" as const, curatedAnswerId: curated!.id, resolvedBy: actor.userId })))
      .onConflictDoNothing();
    return { curatedAnswerId: curated!.id, live: curated!.live, resolved: ids.length };
  });
}

/** Takes questions out of the queue without answering them (off-topic, already covered…). */
export async function dismissGap(db: Db, actor: Principal<"staff">, input: { avatarId: string; messageIds: string[] }) {
  const avatar = await getAvatarOrThrow(db, actor, input.avatarId, "edit");
  const ids = await verifiedMessages(db, actor, avatar.id, input.messageIds);
  await db
    .insert(gapResolutions)
    .values(ids.map((messageId) => ({ orgId: avatar.orgId, avatarId: avatar.id, messageId, resolution: "dismissed" as const, resolvedBy: actor.userId })))
    .onConflictDoNothing();
  return { dismissed: ids.length };
}
