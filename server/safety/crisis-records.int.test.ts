import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { conversations, escalations, governanceSettings, messages, notifications, organizations } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { openConversation } from "@/server/conversations/store";
import { type ChatEvent, type ChatTarget, respond } from "@/server/chat/engine";
import { purgeExpiredConversations } from "@/server/governance/retention";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { deleteConversation } from "@/server/patient/history.service";
import { publishedSaltAvatar, publishedTestTarget } from "@/server/test/chat";
import { createTestDatabase, createTestOrg } from "@/server/test/db";
import { resolveEscalation } from "./escalation.service";

const embedder = createOfflineEmbedder();
const CRISIS = "I want to kill myself tonight";
let database: Database;

/** A patient's crisis turn in a new conversation of `sessionHash`; returns the conversation. */
async function crisisTurn(target: ChatTarget, sessionHash: string): Promise<string> {
  const conversationId = await openConversation(database.db, { target, sessionHash, locale: "en" });
  for await (const e of respond({ db: database.db, embedder, chatModel: null }, { target, conversationId, message: CRISIS }) as AsyncGenerator<ChatEvent>) void e;
  return conversationId;
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "deleted";
  } catch (e) {
    const root = e instanceof Error && e.cause instanceof Error ? e.cause : e;
    return root instanceof Error ? root.message : String(root);
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe("deleting an organization", () => {
  it("is refused while a crisis escalation is open or acknowledged, naming the organization; allowed once they are resolved", async () => {
    const org = await createTestOrg(database, ["doctor"]);
    const target = await publishedTestTarget(database.db, await publishedSaltAvatar(database.db, org.actors.doctor, "Dr. Closing"));
    const conversationId = await crisisTurn(target, "s-closing");
    const [escalation] = await database.db.select().from(escalations).where(eq(escalations.conversationId, conversationId));
    expect(escalation).toMatchObject({ status: "open" });
    const [{ name }] = await database.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, org.orgId)) as [{ name: string }];

    const refused = await rejection(database.db.delete(organizations).where(eq(organizations.id, org.orgId)));
    expect(refused).toContain(`organization "${name}"`);
    expect(refused).toContain("1 unresolved crisis escalation");
    expect(await database.db.select().from(escalations).where(eq(escalations.id, escalation!.id))).toHaveLength(1);

    await database.db.update(escalations).set({ status: "acknowledged" }).where(eq(escalations.id, escalation!.id));
    expect(await rejection(database.db.delete(organizations).where(eq(organizations.id, org.orgId)))).toContain("unresolved crisis escalation");

    await resolveEscalation(database.db, org.actors.doctor, escalation!.id, "Called the patient; safe with family.");
    expect(await rejection(database.db.delete(organizations).where(eq(organizations.id, org.orgId)))).toBe("deleted");
    expect(await database.db.select().from(escalations).where(eq(escalations.id, escalation!.id))).toHaveLength(0);
  });
});

describe("an escalation still pending on its crisis reply", () => {
  let doctor: Principal<"staff">;
  let target: ChatTarget;

  beforeAll(async () => {
    doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
    await database.db.update(organizations).set({ webhookUrl: "https://on-call.example.test/hook" }).where(eq(organizations.id, doctor.orgId));
    target = await publishedTestTarget(database.db, await publishedSaltAvatar(database.db, doctor, "Dr. Pending"));
    await database.db.execute(sql`create function refuse_escalation() returns trigger language plpgsql as $$ begin raise exception 'escalations are unavailable'; end $$`);
  });

  const refuseEscalations = () => database.db.execute(sql`create trigger refuse_escalation before insert on escalations for each row execute function refuse_escalation()`);
  const allowEscalations = () => database.db.execute(sql`drop trigger refuse_escalation on escalations`);
  const pendingIn = async (conversationId: string) =>
    (await database.db.select({ pending: messages.pendingEscalation }).from(messages).where(eq(messages.conversationId, conversationId))).filter((m) => m.pending);

  it("holds its conversation: a direct delete is refused, the retention purge keeps it, and the organization cannot be deleted", async () => {
    await refuseEscalations();
    const conversationId = await crisisTurn(target, "s-pending-1");
    await allowEscalations();
    expect(await pendingIn(conversationId)).toHaveLength(1);

    expect(await rejection(database.db.delete(conversations).where(eq(conversations.id, conversationId)))).toContain("crisis escalation not yet written");
    expect(await rejection(database.db.delete(organizations).where(eq(organizations.id, doctor.orgId)))).toContain("crisis escalation not yet written");

    await database.db.insert(governanceSettings).values({ orgId: doctor.orgId, conversationRetentionDays: 1 });
    await database.db.update(conversations).set({ lastMessageAt: new Date(Date.now() - 3 * 24 * 3600 * 1000) }).where(eq(conversations.id, conversationId));
    await purgeExpiredConversations(database.db);
    expect(await database.db.select().from(conversations).where(eq(conversations.id, conversationId))).toHaveLength(1);
    expect(await pendingIn(conversationId)).toHaveLength(1);
  });

  it("is written, with the patient's words and its notifications, before the patient's deletion goes through", async () => {
    await refuseEscalations();
    const conversationId = await crisisTurn(target, "s-pending-2");
    const patient = { kind: "patient" as const, sessionHash: "s-pending-2", userId: null };
    // While escalations still cannot be written, the deletion waits and says why.
    const waiting = await rejection(deleteConversation(database.db, patient, conversationId));
    expect(waiting).toContain("crisis alert is still being delivered");
    expect(await database.db.select().from(conversations).where(eq(conversations.id, conversationId))).toHaveLength(1);

    await allowEscalations();
    await deleteConversation(database.db, patient, conversationId);
    expect(await database.db.select().from(conversations).where(eq(conversations.id, conversationId))).toHaveLength(0);
    const written = await database.db.select().from(escalations).where(eq(escalations.orgId, doctor.orgId));
    const mine = written.filter((e) => e.conversationId === null && e.patientMessage === CRISIS);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: "open", category: "suicide" });
    expect(await database.db.select().from(notifications).where(inArray(notifications.escalationId, [mine[0]!.id]))).toHaveLength(1);
  });
});
