import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { escalations, messages, notifications, organizations } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar, getAvatarOrThrow, snapshotOf } from "@/server/avatars/avatar.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { pasteDocument } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createOpenAIEmbedder } from "@/server/knowledge/embed/openai";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { startFakeEmbeddingsServer } from "@/server/test/embeddings-server";
import { gatedTurn } from "./chat.service";
import { openConversation } from "@/server/conversations/store";
import { assessMessage } from "@/server/safety/detect";
import { retryPendingEscalations } from "./crisis-turn";
import { respond } from "./engine";
import { TurnGate } from "./turn-gate";
import type { ChatDeps, ChatEvent, ChatTarget } from "./turn-types";

const offline = createOfflineEmbedder();
let database: Database;
let doctor: Principal<"staff">;
let target: ChatTarget;

async function collect(events: AsyncGenerator<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

const newConversation = () => openConversation(database.db, { target, sessionHash: `s-${crypto.randomUUID()}`, locale: "en" });

/** A turn as the chat service runs it: the engine takes its place in the gate through `queue`. */
const gated = (gate: TurnGate, deps: Omit<ChatDeps, "queue">, conversationId: string, message: string) =>
  collect(gatedTurn(gate, (queue) => respond({ ...deps, queue }, { target, conversationId, message })));

beforeAll(async () => {
  database = await createTestDatabase();
  doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  await database.db.update(organizations).set({ webhookUrl: "https://on-call.example.test/hook" }).where(eq(organizations.id, doctor.orgId));
  const avatar = await createAvatar(database.db, doctor, testAvatarProfile("Dr. First", { specialty: "Cardiology" }));
  await pasteDocument(database.db, doctor, { avatarId: avatar.id, title: "Salt", text: "# Salt\n\nEat less than five grams of salt a day." }, { maxBytes: 1 << 20 });
  await drainIngestionQueue(database.db, offline);
  const a = await getAvatarOrThrow(database.db, doctor, avatar.id, "read");
  target = { avatarId: a.id, orgId: a.orgId, versionId: null, persona: snapshotOf(a) };
});

afterAll(async () => {
  await database?.close();
});

describe("a crisis turn", () => {
  it("completes while the turn gate is held by an ordinary turn stuck on a hung embedding server", async () => {
    const server = await startFakeEmbeddingsServer({ dimensions: offline.dimensions });
    server.state.mode = "hang";
    const hung = createOpenAIEmbedder({ baseURL: server.baseURL, model: "bge-small", dimensions: offline.dimensions, timeoutMs: 600_000, batchSize: 8 });
    const gate = new TurnGate(1);
    let ordinaryDone = false;
    const ordinary = gated(gate, { db: database.db, embedder: hung, chatModel: null }, await newConversation(), "How much salt should I eat a day?")
      .catch((e: unknown) => e)
      .finally(() => (ordinaryDone = true));
    // The ordinary turn holds the gate once its query embedding reaches the server.
    while (server.state.requests.length === 0) await new Promise((r) => setTimeout(r, 10));

    const c = await newConversation();
    const crisis = await gated(gate, { db: database.db, embedder: offline, chatModel: null }, c, "I want to kill myself tonight");
    expect(crisis[0]).toMatchObject({ type: "crisis", category: "suicide" });
    expect(crisis.at(-1)).toMatchObject({ type: "done", kind: "crisis" });
    expect(await database.db.select().from(escalations).where(eq(escalations.conversationId, c))).toHaveLength(1);
    expect(ordinaryDone).toBe(false);

    await server.close(); // the stuck turn's request fails; it ends with keyword search only
    await ordinary;
  });
});

describe("the assessment made on arrival", () => {
  it("is the one the turn goes on from: a first message is not assessed again, and later ones add only the conversation", async () => {
    const c = await newConversation();
    // The rate limiter assessed a crisis; the engine, given that assessment, escalates without assessing the text again.
    const arrived = assessMessage("I want to kill myself tonight");
    const first = await collect(respond({ db: database.db, embedder: offline, chatModel: null }, { target, conversationId: c, message: "I want to kill myself tonight", assessment: arrived }));
    expect(first[0]).toMatchObject({ type: "crisis", category: "suicide" });
    const routine = assessMessage("How much salt should I eat a day?");
    const notAgain = await collect(
      respond({ db: database.db, embedder: offline, chatModel: null }, { target, conversationId: await newConversation(), message: "I want to kill myself tonight", assessment: routine }),
    );
    expect(notAgain.some((e) => e.type === "crisis")).toBe(false);
    // A later message is read with the patient's earlier turns (the risk carried from the crisis above).
    const later = await collect(respond({ db: database.db, embedder: offline, chatModel: null }, { target, conversationId: c, message: "How much salt should I eat a day?", assessment: routine }));
    expect(later[0]).toMatchObject({ category: "suicide" });
  });
});

describe("an escalation that cannot be written", () => {
  it("still gives the vetted reply and its numbers, stays pending on the reply, and is written by the retry", async () => {
    await database.db.execute(sql`create function refuse_escalation() returns trigger language plpgsql as $$ begin raise exception 'escalations are unavailable'; end $$`);
    await database.db.execute(sql`create trigger refuse_escalation before insert on escalations for each row execute function refuse_escalation()`);
    const c = await newConversation();
    const events = await collect(respond({ db: database.db, embedder: offline, chatModel: null }, { target, conversationId: c, message: "I want to kill myself tonight" }));
    expect(events[0]).toMatchObject({ type: "crisis", category: "suicide", escalationId: null });
    expect((events[0] as Extract<ChatEvent, { type: "crisis" }>).hotlines.map((h) => h.number)).toContain("988");
    const text = events.flatMap((e) => (e.type === "text" ? [e.delta] : [])).join("");
    expect(text).toContain("988");
    const done = events.at(-1) as Extract<ChatEvent, { type: "done" }>;
    const [reply] = await database.db.select().from(messages).where(eq(messages.id, done.messageId));
    expect(reply).toMatchObject({ kind: "crisis", content: text, pendingEscalation: { category: "suicide", attempts: 1, lastError: "escalations are unavailable" } });
    expect(await database.db.select().from(escalations).where(eq(escalations.conversationId, c))).toEqual([]);

    // Still failing: it stays pending, with one more attempt counted.
    expect(await retryPendingEscalations(database.db)).toBe(0);
    const [still] = await database.db.select().from(messages).where(eq(messages.id, done.messageId));
    expect(still!.pendingEscalation).toMatchObject({ attempts: 2, lastError: "escalations are unavailable" });

    await database.db.execute(sql`drop trigger refuse_escalation on escalations`);
    expect(await retryPendingEscalations(database.db)).toBe(1);
    const [escalation] = await database.db.select().from(escalations).where(eq(escalations.conversationId, c));
    const [question] = await database.db.select().from(messages).where(eq(messages.id, escalation!.messageId!));
    expect(question).toMatchObject({ role: "patient", content: "I want to kill myself tonight" });
    expect(escalation).toMatchObject({ category: "suicide", status: "open", patientMessage: "I want to kill myself tonight" });
    expect(await database.db.select().from(notifications).where(inArray(notifications.escalationId, [escalation!.id]))).toHaveLength(1);
    const [cleared] = await database.db.select().from(messages).where(eq(messages.id, done.messageId));
    expect(cleared!.pendingEscalation).toBeNull();
    // Written once.
    expect(await retryPendingEscalations(database.db)).toBe(0);
    expect(await database.db.select().from(escalations).where(eq(escalations.conversationId, c))).toHaveLength(1);
  });
});
