import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { type Principal } from "@/server/principal/principal";
import { can } from "@/server/principal/permissions";
import { getAvatarOrThrow } from "@/server/avatars/avatar.service";
import { AppError } from "@/server/lib/errors";
import type { CrisisCategory } from "@/db/schema/crisis-types";
import { getScreening, type ScreeningId } from "@/server/safety/replies";
import type { TAnalyticsInput } from "./analytics.schema";

const TOP = 10;

/**
 * Which conversations count: real patients' conversations with a published version, in the actor's
 * organization — never studio previews or simulation runs — narrowed to one avatar, or to the
 * doctor's own avatars for doctors.
 */
async function conversationScope(db: Db, actor: Principal<"staff">, avatarId: string | undefined): Promise<SQL> {
  const base = sql`c.org_id = ${actor.orgId} and c.source = 'patient' and c.avatar_version_id is not null`;
  if (avatarId) {
    const avatar = await getAvatarOrThrow(db, actor, avatarId, "read");
    return sql`${base} and c.avatar_id = ${avatar.id}`;
  }
  if (can(actor.role, "analytics.read.any")) return base;
  if (can(actor.role, "avatar.edit.own")) return sql`${base} and c.avatar_id in (select id from avatars where org_id = ${actor.orgId} and owner_id = ${actor.userId})`;
  throw new AppError("forbidden", `Your role (${actor.role}) may not view analytics.`);
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Normalises a question for counting: case, spacing and trailing punctuation do not make it another question. */
const normalized = (column: SQL) => sql`left(lower(regexp_replace(btrim(${column}), '[\\s?？!！。.,，]+$', '')), 200)`;

export async function getAnalytics(db: Db, actor: Principal<"staff">, input: TAnalyticsInput) {
  const scope = await conversationScope(db, actor, input.avatarId);
  const { from, to, timeZone: tz } = input;
  const inPeriod = (column: SQL) => sql`${column} >= ${from.toISOString()}::timestamptz and ${column} < ${to.toISOString()}::timestamptz`;
  const messagesIn = sql`messages m join conversations c on c.id = m.conversation_id where ${scope} and ${inPeriod(sql`m.created_at`)}`;

  const [totals, answers, daily, hours, escalationRows, ack, feedback, topQuestions, topGaps, checkInRows, safetyDaily] = await Promise.all([
    db.execute(sql`
      select
        (select count(*) from conversations c where ${scope} and ${inPeriod(sql`c.created_at`)}) as conversations,
        (select count(*) from ${messagesIn}) as messages,
        (select count(*) from ${messagesIn} and m.role = 'patient') as questions`),
    db.execute(sql`
      select m.kind, count(*) as n, count(*) filter (where m.model = 'curated-answer') as curated
      from ${messagesIn} and m.role = 'avatar' group by m.kind`),
    db.execute(sql`
      select to_char(date_trunc('day', m.created_at at time zone ${tz}), 'YYYY-MM-DD') as day,
        count(distinct m.conversation_id) as conversations, count(*) filter (where m.role = 'patient') as questions
      from ${messagesIn} group by 1 order by 1`),
    db.execute(sql`
      select extract(hour from m.created_at at time zone ${tz})::int as hour, count(*) as n
      from ${messagesIn} and m.role = 'patient' group by 1 order by 1`),
    db.execute(sql`
      select e.category, count(*) as n from escalations e join conversations c on c.id = e.conversation_id
      where ${scope} and ${inPeriod(sql`e.created_at`)} group by 1 order by 2 desc`),
    db.execute(sql`
      select count(*) filter (where e.acknowledged_at is not null) as acknowledged, count(*) as total,
        percentile_cont(0.5) within group (order by extract(epoch from e.acknowledged_at - e.created_at)) as median_s,
        percentile_cont(0.9) within group (order by extract(epoch from e.acknowledged_at - e.created_at)) as p90_s
      from escalations e join conversations c on c.id = e.conversation_id
      where ${scope} and ${inPeriod(sql`e.created_at`)}`),
    db.execute(sql`
      select f.rating, count(*) as n from message_feedback f join conversations c on c.id = f.conversation_id
      where ${scope} and ${inPeriod(sql`f.created_at`)} group by 1`),
    db.execute(sql`
      select ${normalized(sql`m.content`)} as question, count(*) as n
      from ${messagesIn} and m.role = 'patient' and m.kind = 'question'
      group by 1 order by 2 desc, 1 limit ${TOP}`),
    // A gap: the question right before an answer that found nothing in the materials.
    db.execute(sql`
      with turns as (
        select m.kind, m.role, lag(m.content) over (partition by m.conversation_id order by m.created_at, m.id) as asked
        from messages m join conversations c on c.id = m.conversation_id
        where ${scope} and ${inPeriod(sql`m.created_at`)}
      )
      select ${normalized(sql`asked`)} as question, count(*) as n from turns
      where role = 'avatar' and kind = 'no_answer' and asked is not null
      group by 1 order by 2 desc, 1 limit ${TOP}`),
    // Check-ins: avatar replies that asked a screening question (which pages nobody).
    db.execute(sql`
      select m.screening, count(*) as n from ${messagesIn} and m.role = 'avatar' and m.screening is not null group by 1 order by 2 desc, 1`),
    db.execute(sql`
      select day, sum(check_ins) as check_ins, sum(escalations) as escalations from (
        select to_char(date_trunc('day', m.created_at at time zone ${tz}), 'YYYY-MM-DD') as day, 1 as check_ins, 0 as escalations
        from ${messagesIn} and m.role = 'avatar' and m.screening is not null
        union all
        select to_char(date_trunc('day', e.created_at at time zone ${tz}), 'YYYY-MM-DD'), 0, 1
        from escalations e join conversations c on c.id = e.conversation_id where ${scope} and ${inPeriod(sql`e.created_at`)}
      ) s group by day order by day`),
  ]);

  const t = rowsOf<{ conversations: unknown; messages: unknown; questions: unknown }>(totals)[0]!;
  const byKind = new Map(rowsOf<{ kind: string; n: unknown; curated: unknown }>(answers).map((r) => [r.kind, r]));
  const answered = num(byKind.get("answer")?.n);
  const nothingFound = num(byKind.get("no_answer")?.n);
  const crisisReplies = num(byKind.get("crisis")?.n);
  const hourCounts = new Map(rowsOf<{ hour: number; n: unknown }>(hours).map((r) => [Number(r.hour), num(r.n)]));
  const ackRow = rowsOf<{ acknowledged: unknown; total: unknown; median_s: unknown; p90_s: unknown }>(ack)[0]!;
  const ratings = new Map(rowsOf<{ rating: string; n: unknown }>(feedback).map((r) => [r.rating, num(r.n)]));
  const safetyByDay = new Map(rowsOf<{ day: string; check_ins: unknown; escalations: unknown }>(safetyDaily).map((r) => [r.day, r]));
  const checkIns = new Map<CrisisCategory, number>();
  for (const r of rowsOf<{ screening: ScreeningId; n: unknown }>(checkInRows)) {
    const { category } = getScreening(r.screening);
    checkIns.set(category, (checkIns.get(category) ?? 0) + num(r.n));
  }
  const minutes = (s: unknown) => (s === null || s === undefined ? null : Math.round((Number(s) / 60) * 10) / 10);

  return {
    period: { from, to, timeZone: tz },
    totals: {
      conversations: num(t.conversations),
      messages: num(t.messages),
      questions: num(t.questions),
      answeredFromMaterials: answered,
      nothingFound,
      crisisReplies,
      curatedAnswersUsed: [...byKind.values()].reduce((sum, r) => sum + num(r.curated), 0),
      /** Share of non-crisis answers that rested on the doctor's materials; null when there were none. */
      answeredShare: answered + nothingFound > 0 ? answered / (answered + nothingFound) : null,
    },
    daily: rowsOf<{ day: string; conversations: unknown; questions: unknown }>(daily).map((r) => ({ day: r.day, conversations: num(r.conversations), questions: num(r.questions) })),
    /** Per day with any: check-ins (a screening question asked) next to escalations (a person paged). */
    safetyDaily: [...safetyByDay.values()].map((r) => ({ day: r.day, checkIns: num(r.check_ins), escalations: num(r.escalations) })),
    checkIns: {
      total: [...checkIns.values()].reduce((a, b) => a + b, 0),
      byCategory: [...checkIns].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count),
    },
    busiestHours: Array.from({ length: 24 }, (_, hour) => ({ hour, questions: hourCounts.get(hour) ?? 0 })),
    escalations: {
      byCategory: rowsOf<{ category: string; n: unknown }>(escalationRows).map((r) => ({ category: r.category, count: num(r.n) })),
      total: num(ackRow.total),
      acknowledged: num(ackRow.acknowledged),
      medianMinutesToAcknowledge: minutes(ackRow.median_s),
      p90MinutesToAcknowledge: minutes(ackRow.p90_s),
    },
    feedback: { up: ratings.get("up") ?? 0, down: ratings.get("down") ?? 0 },
    topQuestions: rowsOf<{ question: string; n: unknown }>(topQuestions).map((r) => ({ question: r.question, count: num(r.n) })),
    topGaps: rowsOf<{ question: string; n: unknown }>(topGaps).map((r) => ({ question: r.question, count: num(r.n) })),
  };
}

export type Analytics = Awaited<ReturnType<typeof getAnalytics>>;
