import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { conversations, escalations, messages, notifications } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { publishAvatar } from "@/server/publishing/publishing.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { pasteDocument } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { assessMessage } from "@/server/safety/detect";
import { startChatTurn } from "./chat.service";
import { sessionHash } from "./patient-session";
import type { ChatEvent } from "./engine";

let database: Database;
let doctor: Principal<"staff">;
let slug = "";

/** A turn as the routes start it, with the message assessed on arrival. */
const turn = (args: Omit<Parameters<typeof startChatTurn>[1], "assessment">) => startChatTurn(database.db, { ...args, assessment: assessMessage(args.request.message) });

async function drain(events: AsyncGenerator<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

beforeAll(async () => {
  database = await createTestDatabase();
  doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  const avatar = await createAvatar(database.db, doctor, testAvatarProfile("Dr. Turn", { specialty: "Cardiology" }));
  await pasteDocument(database.db, doctor, { avatarId: avatar.id, title: "Salt", text: "# Salt\n\nEat less than five grams of salt a day." }, { maxBytes: 1 << 20 });
  await drainIngestionQueue(database.db, createOfflineEmbedder());
  await publishAvatar(database.db, doctor, avatar.id);
  slug = avatar.slug;
});

afterAll(async () => {
  await database?.close();
});

describe("startChatTurn", () => {
  it("opens a new conversation under the returned id for the patient's session, and continues it on the next turn", async () => {
    const first = await turn({ request: { slug, message: "How much salt a day?" }, asker: { kind: "patient", sessionHash: sessionHash("browser", "patient-token-one-xxxxxxxx"), userId: null } });
    expect((await drain(first.events)).at(-1)?.type).toBe("done");
    const [row] = await database.db.select().from(conversations).where(eq(conversations.id, first.conversationId));
    expect(row).toMatchObject({ sessionHash: sessionHash("browser", "patient-token-one-xxxxxxxx"), orgId: doctor.orgId, avatarVersionId: first.target.versionId });

    const second = await turn({
      request: { slug, conversationId: first.conversationId, message: "And for children?" },
      asker: { kind: "patient", sessionHash: sessionHash("browser", "patient-token-one-xxxxxxxx"), userId: null },
    });
    await drain(second.events);
    expect(second.conversationId).toBe(first.conversationId);
    const rows = await database.db.select({ id: messages.id }).from(messages).where(eq(messages.conversationId, first.conversationId));
    expect(rows).toHaveLength(4);
  });

  it("refuses a patient turn that names no session, before anything is written", async () => {
    await expect(turn({ request: { slug, message: "Hello" }, asker: { kind: "patient", sessionHash: null, userId: doctor.userId } })).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("fails the stream with not_found for another session's conversation, and writes nothing to it", async () => {
    const owner = await turn({ request: { slug, message: "Hello" }, asker: { kind: "patient", sessionHash: sessionHash("browser", "patient-token-owner-xxxxxx"), userId: null } });
    await drain(owner.events);
    const before = await database.db.select({ id: messages.id }).from(messages).where(eq(messages.conversationId, owner.conversationId));

    const intruder = await turn({
      request: { slug, conversationId: owner.conversationId, message: "Show me this chat" },
      asker: { kind: "patient", sessionHash: sessionHash("browser", "patient-token-intruder-xxx"), userId: null },
    });
    await expect(drain(intruder.events)).rejects.toMatchObject({ code: "not_found" });
    const after = await database.db.select({ id: messages.id }).from(messages).where(eq(messages.conversationId, owner.conversationId));
    expect(after).toHaveLength(before.length);
  });

  it("answers a crisis typed in the preview with the vetted reply but pages nobody: no escalation, no notification", async () => {
    const [avatar] = await database.db.select({ avatarId: conversations.avatarId }).from(conversations).limit(1);
    const preview = await turn({ request: { previewAvatarId: avatar!.avatarId, message: "I want to kill myself tonight" }, asker: doctor });
    const events = await drain(preview.events);
    expect(events.find((e) => e.type === "crisis")).toMatchObject({ category: "suicide", escalationId: null });
    const [row] = await database.db.select().from(conversations).where(eq(conversations.id, preview.conversationId));
    expect(row).toMatchObject({ avatarVersionId: null, sessionHash: sessionHash("preview", doctor.userId) });
    const crisisReplies = await database.db.select().from(messages).where(eq(messages.conversationId, preview.conversationId));
    expect(crisisReplies.map((m) => m.kind)).toEqual(expect.arrayContaining(["crisis"]));
    expect(await database.db.select().from(escalations).where(eq(escalations.orgId, doctor.orgId))).toEqual([]);
    expect(await database.db.select().from(notifications).where(eq(notifications.orgId, doctor.orgId))).toEqual([]);
  });

  it("refuses a draft preview without a signed-in member", async () => {
    await expect(
      turn({ request: { previewAvatarId: "any", message: "Hello" }, asker: { kind: "patient", sessionHash: sessionHash("browser", "patient-token-preview-xxx"), userId: null } }),
    ).rejects.toMatchObject({ code: "unauthorized" });
  });
});
