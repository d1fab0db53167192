import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { avatarVersions, protocols } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { getAvatarOrThrow } from "@/server/avatars/avatar.service";
import { AppError } from "@/server/lib/errors";
import type { ProtocolInput } from "./protocol.schema";

export type ProtocolRow = typeof protocols.$inferSelect;

/** The avatar's protocols in the doctor's order (reading needs read access to the avatar). */
export async function listProtocols(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string): Promise<ProtocolRow[]> {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "read");
  return db
    .select()
    .from(protocols)
    .where(and(eq(protocols.avatarId, avatar.id), eq(protocols.orgId, actor.orgId)))
    .orderBy(asc(protocols.position), asc(protocols.createdAt));
}

/** A protocol the actor may read or edit (through its avatar); another organization's id is not found. */
export async function getProtocolOrThrow(db: Db, actor: Principal<"staff">, unverifiedProtocolId: string, mode: "read" | "edit"): Promise<ProtocolRow> {
  const [row] = await db
    .select()
    .from(protocols)
    .where(and(eq(protocols.id, unverifiedProtocolId), eq(protocols.orgId, actor.orgId)));
  if (!row) throw new AppError("not_found", "No such protocol in your organization.");
  await getAvatarOrThrow(db, actor, row.avatarId, mode);
  return row;
}

export async function createProtocol(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string, values: ProtocolInput): Promise<ProtocolRow> {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "edit");
  const [row] = await db
    .insert(protocols)
    .values({
      ...values,
      orgId: avatar.orgId,
      avatarId: avatar.id,
      position: sql`(select coalesce(max(${protocols.position}) + 1, 0) from ${protocols} where ${protocols.avatarId} = ${avatar.id})`,
    })
    .returning();
  return row!;
}

export async function updateProtocol(db: Db, actor: Principal<"staff">, unverifiedProtocolId: string, values: ProtocolInput): Promise<ProtocolRow> {
  const existing = await getProtocolOrThrow(db, actor, unverifiedProtocolId, "edit");
  const [row] = await db
    .update(protocols)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(protocols.id, existing.id), eq(protocols.orgId, actor.orgId)))
    .returning();
  return row!;
}

export async function setProtocolEnabled(db: Db, actor: Principal<"staff">, unverifiedProtocolId: string, enabled: boolean): Promise<ProtocolRow> {
  const existing = await getProtocolOrThrow(db, actor, unverifiedProtocolId, "edit");
  const [row] = await db
    .update(protocols)
    .set({ enabled, updatedAt: new Date() })
    .where(and(eq(protocols.id, existing.id), eq(protocols.orgId, actor.orgId)))
    .returning();
  return row!;
}

export async function deleteProtocol(db: Db, actor: Principal<"staff">, unverifiedProtocolId: string): Promise<{ id: string }> {
  const existing = await getProtocolOrThrow(db, actor, unverifiedProtocolId, "edit");
  await db.delete(protocols).where(and(eq(protocols.id, existing.id), eq(protocols.orgId, actor.orgId)));
  return { id: existing.id };
}

/** What the chat engine needs of a protocol. */
export type ChatProtocol = Pick<ProtocolRow, "id" | "title" | "chiefComplaint" | "triggersZh" | "triggersEn" | "questions" | "closingAdvice" | "closingUrgency">;

/**
 * The enabled protocols a chat turn uses: a published version's as frozen when it was published, the
 * draft's from the protocols table (also for a version published before protocols were versioned).
 */
export async function protocolsForTarget(db: Db, target: { avatarId: string; versionId: string | null }): Promise<ChatProtocol[]> {
  if (target.versionId) {
    const [version] = await db.select({ protocols: avatarVersions.protocols }).from(avatarVersions).where(eq(avatarVersions.id, target.versionId));
    if (version?.protocols) {
      return (version.protocols as unknown as ProtocolRow[])
        .filter((p) => p.enabled)
        .sort((a, b) => a.position - b.position)
        .map(({ id, title, chiefComplaint, triggersZh, triggersEn, questions, closingAdvice, closingUrgency }) => ({ id, title, chiefComplaint, triggersZh, triggersEn, questions, closingAdvice, closingUrgency }));
    }
  }
  return db
    .select({
      id: protocols.id,
      title: protocols.title,
      chiefComplaint: protocols.chiefComplaint,
      triggersZh: protocols.triggersZh,
      triggersEn: protocols.triggersEn,
      questions: protocols.questions,
      closingAdvice: protocols.closingAdvice,
      closingUrgency: protocols.closingUrgency,
    })
    .from(protocols)
    .where(and(eq(protocols.avatarId, target.avatarId), eq(protocols.enabled, true)))
    .orderBy(asc(protocols.position), asc(protocols.createdAt));
}
