import { and, desc, eq, gte, ilike, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { toCsv } from "@/server/lib/csv";
import type { TAuditFilter } from "./audit.schema";
import { logError } from "@/server/lib/log";

export interface AuditEntry {
  orgId: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

type Writer = Pick<Db, "insert">;

export async function recordAudit(db: Writer, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}

const SECRET_KEY = /secret|password|token|apikey|api_key|^key$/i;
const MAX_STRING = 200;

/**
 * What a mutation's input may say in the audit log: ids and short values, never secrets, file bytes
 * or long patient/document text (the log must not become a second copy of clinical data).
 */
export function auditDetailsOf(input: unknown, depth = 0): unknown {
  if (input === null || input === undefined) return input ?? null;
  if (typeof input === "string") return input.length > MAX_STRING ? `${input.slice(0, MAX_STRING)}… (${input.length} chars)` : input;
  if (typeof input === "number" || typeof input === "boolean") return input;
  if (input instanceof Date) return input.toISOString();
  if (input instanceof Uint8Array) return `(${input.byteLength} bytes)`;
  if (depth >= 3) return "(…)";
  if (Array.isArray(input)) {
    const items = input.slice(0, 20).map((v) => auditDetailsOf(v, depth + 1));
    return input.length > 20 ? [...items, `(+${input.length - 20} more)`] : items;
  }
  if (typeof input === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input)) out[k] = SECRET_KEY.test(k) ? "(redacted)" : auditDetailsOf(v, depth + 1);
    return out;
  }
  return String(input);
}

/** The record a mutation names first (avatarId → avatar), so the log can be filtered by target. */
export function auditTargetOf(input: unknown): { targetType: string | null; targetId: string | null } {
  if (input && typeof input === "object") {
    for (const [k, v] of Object.entries(input)) {
      if (typeof v === "string" && /^[a-z]+Id$/i.test(k)) return { targetType: k.slice(0, -2), targetId: v };
    }
  }
  return { targetType: null, targetId: null };
}

/** Records a member's successful tRPC mutation; a failure to record is logged, never hidden. */
export async function auditMutation(db: Db, actor: Principal<"staff">, path: string, input: unknown): Promise<void> {
  try {
    const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
    const details = auditDetailsOf(input);
    await recordAudit(db, {
      orgId: actor.orgId,
      actorId: actor.userId,
      actorLabel: user?.email ?? actor.userId,
      action: path,
      ...auditTargetOf(input),
      details: { role: actor.role, ...(details && typeof details === "object" && !Array.isArray(details) ? details : { input: details }) },
    });
  } catch (e) {
    logError(`audit record for ${path} failed`, e);
  }
}

export async function listAudit(db: Db, actor: Principal<"staff">, filter: TAuditFilter) {
  assertCan(actor, "audit.read");
  const conditions = [eq(auditLog.orgId, actor.orgId)];
  if (filter.from) conditions.push(gte(auditLog.createdAt, filter.from));
  if (filter.to) conditions.push(lt(auditLog.createdAt, filter.to));
  if (filter.action) conditions.push(ilike(auditLog.action, `${filter.action.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  if (filter.actor) {
    const term = `%${filter.actor.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(auditLog.actorLabel, term), eq(auditLog.actorId, filter.actor))!);
  }
  if (filter.targetId) conditions.push(eq(auditLog.targetId, filter.targetId));
  // Pages are keyed on the millisecond a JavaScript Date can carry, so no row falls between two pages.
  const millis = sql`date_trunc('milliseconds', ${auditLog.createdAt})`;
  if (filter.cursor) conditions.push(sql`(${millis}, ${auditLog.id}) < (${filter.cursor.createdAt.toISOString()}::timestamptz, ${filter.cursor.id})`);
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(millis), desc(auditLog.id))
    .limit(filter.limit);
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];

export function auditToCsv(rows: AuditRow[]): string {
  return toCsv(
    ["time", "actor", "actor_id", "action", "target_type", "target_id", "details"],
    rows.map((r) => [r.createdAt.toISOString(), r.actorLabel, r.actorId, r.action, r.targetType, r.targetId, r.details]),
  );
}
