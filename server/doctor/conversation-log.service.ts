/**
 * The doctor's conversation log: the avatar's conversations (patients' and the studio preview's), with
 * filters, and one conversation's transcript with each answer's citations, model and timings.
 * Simulation runs (the avatar against a virtual patient) are not conversations with anyone: they have
 * their own scorecards and stay out of the log.
 */
import "server-only";
import { and, desc, eq, gte, isNull, lte, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { avatarVersions, conversations, messageFeedback, messages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { can } from "@/server/principal/permissions";
import { getAvatarOrThrow, mayEditAvatar } from "@/server/avatars/avatar.service";
import { HAN_CLASS } from "@/server/knowledge/text/language";
import { conversationMessages } from "@/server/conversations/store";
import { AppError } from "@/server/lib/errors";
import { getScreening } from "@/server/safety/replies";
import type { TConversationFilter } from "./doctor.schema";

/** Conversations listed at once (newest first). */
export const LOG_PAGE = 50;

const HAN_PATTERN = `[${HAN_CLASS.replace(/\\u([0-9a-f]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))}]`;

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

/** A check-in: an avatar reply that asked a screening question (it pages nobody; the patient's answer decides). */
const CHECK_IN = sql`m.screening is not null`;

/** "Some message of the conversation such that…". */
const anyMessage = (condition: SQL) => sql`exists (select 1 from ${messages} m where m.conversation_id = ${conversations.id} and ${condition})`;

function kindFilter(kind: TConversationFilter["kind"]): SQL | undefined {
  switch (kind) {
    case "crisis":
      return anyMessage(sql`m.kind = 'crisis'`);
    case "check_in":
      return anyMessage(CHECK_IN);
    case "answered":
      return anyMessage(sql`m.kind = 'answer'`);
    case "no_answer":
      return anyMessage(sql`m.kind = 'no_answer'`);
    case "thumbs_down":
      return sql`exists (select 1 from ${messageFeedback} f where f.conversation_id = ${conversations.id} and f.rating = 'down')`;
    default:
      return undefined;
  }
}

/** The patient's language, from what they wrote (the conversation's locale is the avatar's). */
function languageFilter(language: TConversationFilter["language"]): SQL | undefined {
  if (language === "zh") return anyMessage(sql`m.role = 'patient' and m.content ~ ${HAN_PATTERN}`);
  if (language === "en") return anyMessage(sql`m.role = 'patient' and m.content !~ ${HAN_PATTERN} and m.content ~ '[A-Za-z]'`);
  return undefined;
}

export async function listConversations(db: Db, actor: Principal<"staff">, filter: TConversationFilter) {
  const avatar = await getAvatarOrThrow(db, actor, filter.avatarId, "read");
  const conditions: (SQL | undefined)[] = [
    eq(conversations.avatarId, avatar.id),
    eq(conversations.orgId, actor.orgId),
    ne(conversations.source, "simulation"),
    filter.from ? gte(conversations.lastMessageAt, filter.from) : undefined,
    filter.to ? lte(conversations.createdAt, filter.to) : undefined,
    filter.version === "preview" ? isNull(conversations.avatarVersionId) : filter.version ? eq(conversations.avatarVersionId, filter.version) : undefined,
    kindFilter(filter.kind),
    languageFilter(filter.language),
    filter.q ? anyMessage(sql`m.content ilike ${`%${escapeLike(filter.q)}%`}`) : undefined,
  ];
  const rows = await db
    .select({
      id: conversations.id,
      createdAt: conversations.createdAt,
      lastMessageAt: conversations.lastMessageAt,
      versionNumber: avatarVersions.number,
      firstQuestion: sql<string | null>`(select m.content from ${messages} m where m.conversation_id = ${conversations.id} and m.role = 'patient' order by m.created_at limit 1)`,
      messageCount: sql<number>`(select count(*)::int from ${messages} m where m.conversation_id = ${conversations.id})`,
      crisis: sql<boolean>`${anyMessage(sql`m.kind = 'crisis'`)}`,
      checkIn: sql<boolean>`${anyMessage(CHECK_IN)}`,
      noAnswer: sql<boolean>`${anyMessage(sql`m.kind = 'no_answer'`)}`,
      thumbsDown: sql<number>`(select count(*)::int from ${messageFeedback} f where f.conversation_id = ${conversations.id} and f.rating = 'down')`,
    })
    .from(conversations)
    .leftJoin(avatarVersions, eq(avatarVersions.id, conversations.avatarVersionId))
    .where(and(...conditions))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(LOG_PAGE + 1);
  return { conversations: rows.slice(0, LOG_PAGE), more: rows.length > LOG_PAGE };
}

/** One conversation of an avatar the actor may read; another organization's id is not found. */
export async function getConversationLog(db: Db, actor: Principal<"staff">, unverifiedConversationId: string) {
  const [conversation] = await db
    .select({
      id: conversations.id,
      avatarId: conversations.avatarId,
      createdAt: conversations.createdAt,
      lastMessageAt: conversations.lastMessageAt,
      versionNumber: avatarVersions.number,
    })
    .from(conversations)
    .leftJoin(avatarVersions, eq(avatarVersions.id, conversations.avatarVersionId))
    .where(and(eq(conversations.id, unverifiedConversationId), eq(conversations.orgId, actor.orgId), ne(conversations.source, "simulation")));
  if (!conversation) throw new AppError("not_found", "No such conversation in your organization.");
  await getAvatarOrThrow(db, actor, conversation.avatarId, "read");
  const turns = await conversationMessages(db, { conversationId: conversation.id, orgId: actor.orgId });
  return {
    ...conversation,
    /** Whether the actor may teach the avatar from this transcript's answers (simulationRun.correctMessage's rule). */
    canCorrect: can(actor.role, "simulation.run") && (await mayEditAvatar(db, actor, conversation.avatarId)),
    messages: turns.map(({ urgency: _urgency, rating, comment, ...t }) => ({
      ...t,
      /** A check-in: the category of the screening question this reply asked. */
      checkInCategory: t.screening ? getScreening(t.screening).category : null,
      feedback: rating ? { rating, comment } : null,
    })),
  };
}
