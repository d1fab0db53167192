import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { conversations, messages } from "@/db/schema";
import { summariseTurns } from "./summary";
import { respond } from "@/server/chat/engine";
import type { ChatEvent, ChatTarget } from "@/server/chat/turn-types";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import type { CrisisVerdict } from "@/db/schema/crisis-types";
import { publishedSaltAvatar, publishedTestTarget } from "@/server/test/chat";
import { createTestDatabase, createTestOrg } from "@/server/test/db";
import { continueConversation, emptyTurnContext, loadTurnContext, openConversation, saveTurn } from "./store";

const embedder = createOfflineEmbedder();
let database: Database;
let target: ChatTarget;

/** One turn; `verdict` replaces the crisis assessment of this message when given. */
async function ask(conversationId: string, message: string, verdict?: CrisisVerdict): Promise<Extract<ChatEvent, { type: "done" }>> {
  const events: ChatEvent[] = [];
  const assess = verdict ? () => verdict : undefined;
  for await (const e of respond({ db: database.db, embedder, chatModel: null, assess }, { target, conversationId, message })) events.push(e);
  return events.at(-1) as Extract<ChatEvent, { type: "done" }>;
}

const newConversation = () => openConversation(database.db, { target, sessionHash: `s-${crypto.randomUUID()}`, locale: "en" });

beforeAll(async () => {
  database = await createTestDatabase();
  const { actors } = await createTestOrg(database, ["doctor"]);
  target = await publishedTestTarget(database.db, await publishedSaltAvatar(database.db, actors.doctor, "Dr. Store"));
});

afterAll(async () => {
  await database?.close();
});

describe("the conversation store", () => {
  it("keeps the rolling summary as if rebuilt from every turn older than the model's window, without reading them again", async () => {
    const c = await newConversation();
    // A crisis turn moves the window too: its question reaches the summary, its vetted reply never does.
    for (let i = 0; i < 10; i++) await ask(c, i === 4 ? "I want to kill myself tonight" : `How much salt a day, question ${i}?`);
    const all = await database.db.select({ role: messages.role, kind: messages.kind, content: messages.content }).from(messages).where(eq(messages.conversationId, c)).orderBy(asc(messages.createdAt));
    // Each question sorts before its answer: patient, avatar, patient, avatar…
    expect(all.map((m) => m.role)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? "patient" : "avatar")));
    const forModel = all.filter((m) => m.kind !== "crisis");
    const [row] = await database.db.select({ summary: conversations.summary }).from(conversations).where(eq(conversations.id, c));
    expect(row!.summary).toBe(summariseTurns(forModel.slice(0, -6)));
    expect(row!.summary).toContain("Patient: I want to kill myself tonight");

    const context = await loadTurnContext(database.db, c);
    expect(context.recent).toEqual(forModel.slice(-6).map(({ role, content }) => ({ role, content })));
    expect(context.patientTurns).toEqual(all.filter((m) => m.role === "patient").slice(-6).map((m) => m.content));
    expect(context.summary).toBe(row!.summary);
  });

  it("stores a question after the conversation's last message even when the app's clock says it was asked earlier", async () => {
    const c = await newConversation();
    await ask(c, "How much salt a day?");
    // Another instance's clock behind, or a question sent within the millisecond its previous answer was stored.
    const context = await loadTurnContext(database.db, c);
    const answer = { kind: "answer" as const, content: "Less than five grams.", model: "offline-composer", timings: { safetyMs: 1 } };
    await saveTurn(database.db, { target, conversationId: c, context, question: { content: "And for children?", askedAt: new Date(0) }, answer, protocolState: null });
    const order = await database.db.select({ content: messages.content }).from(messages).where(eq(messages.conversationId, c)).orderBy(asc(messages.createdAt));
    expect(order.map((m) => m.content).slice(2)).toEqual(["And for children?", "Less than five grams."]);
  });

  it("continues a conversation for the session and avatar it belongs to, with its context in the same read, and for no other", async () => {
    const sessionHash = `s-${crypto.randomUUID()}`;
    const c = await openConversation(database.db, { target, sessionHash, locale: "en" });
    expect(await continueConversation(database.db, { conversationId: c, avatarId: target.avatarId, sessionHash })).toEqual(emptyTurnContext());
    await ask(c, "How much salt a day?");
    const context = await continueConversation(database.db, { conversationId: c, avatarId: target.avatarId, sessionHash });
    expect(context).toEqual(await loadTurnContext(database.db, c));
    expect(context.patientTurns).toEqual(["How much salt a day?"]);
    const notFound = { code: "not_found" };
    await expect(continueConversation(database.db, { conversationId: c, avatarId: target.avatarId, sessionHash: "s-another" })).rejects.toMatchObject(notFound);
    await expect(continueConversation(database.db, { conversationId: c, avatarId: crypto.randomUUID(), sessionHash })).rejects.toMatchObject(notFound);
    await expect(continueConversation(database.db, { conversationId: crypto.randomUUID(), avatarId: target.avatarId, sessionHash })).rejects.toMatchObject(notFound);
  });

  it("reads the screening questions asked and the one the last reply asked", async () => {
    const c = await newConversation();
    const context = await loadTurnContext(database.db, c);
    expect(context).toMatchObject({ patientTurns: [], recent: [], summary: "", answering: null });
    expect([...context.asked]).toEqual([]);
    // A check-in asks the suicide screening question; the patient's next message answers it.
    const concern: CrisisVerdict = { category: "suicide", level: "concern", evidence: [{ phrase: "…", rule: "classifier:suicide", category: "suicide", level: "concern" }] };
    await ask(c, "Lately I feel like a burden", concern);
    const asked = await loadTurnContext(database.db, c);
    expect(asked.answering).not.toBeNull();
    expect([...asked.asked]).toEqual([asked.answering]);
  });

  it("saves a turn whole or not at all: when its audit row cannot be written, neither message is stored", async () => {
    const c = await newConversation();
    await database.db.execute(sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit unavailable'; end $$`);
    await database.db.execute(sql`create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit()`);
    try {
      await expect(ask(c, "How much salt a day?")).rejects.toThrow();
    } finally {
      await database.db.execute(sql`drop trigger refuse_audit on audit_log`);
    }
    expect(await database.db.select().from(messages).where(eq(messages.conversationId, c))).toEqual([]);
    expect((await ask(c, "How much salt a day?")).kind).toBe("answer");
    expect(await database.db.select().from(messages).where(eq(messages.conversationId, c))).toHaveLength(2);
  });
});
