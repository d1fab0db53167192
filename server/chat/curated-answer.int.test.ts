import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { messages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar, getAvatarOrThrow, snapshotOf } from "@/server/avatars/avatar.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { addDocument, pasteDocument } from "@/server/knowledge/document.service";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { openConversation } from "@/server/conversations/store";
import { type ChatEvent, type ChatTarget, respond } from "./engine";

const offline = createOfflineEmbedder();
/** Counts embedding calls, so a test can prove a crisis turn never reached retrieval. */
const countingEmbedder = { calls: 0, id: offline.id, dimensions: offline.dimensions, embed(texts: string[]) { this.calls++; return offline.embed(texts); } } satisfies Embedder & { calls: number };
const limits = { maxBytes: 1 << 20 };

const ALCOHOL_ANSWER = "No. Alcohol, beer above all, raises uric acid and can bring on an attack.\nIf you do drink, keep it to one small glass of wine.";
const FAQ = ["question,answer", `Can I drink alcohol with gout?,"${ALCOHOL_ANSWER}"`, "痛风能喝酒吗？,不建议。酒精，尤其是啤酒，会升高尿酸。"].join("\n");

let database: Database;
let doctor: Principal<"staff">;
let target: ChatTarget;

async function turn(message: string) {
  const conversationId = await openConversation(database.db, { target, sessionHash: "s", locale: "en" });
  const events: ChatEvent[] = [];
  for await (const e of respond({ db: database.db, embedder: countingEmbedder, chatModel: null }, { target, conversationId, message })) events.push(e);
  const text = events.flatMap((e) => (e.type === "text" ? [e.delta] : [])).join("");
  const done = events.at(-1) as Extract<ChatEvent, { type: "done" }>;
  const [saved] = await database.db.select().from(messages).where(eq(messages.id, done.messageId));
  const citations = (events.find((e) => e.type === "citations") as Extract<ChatEvent, { type: "citations" }> | undefined)?.citations ?? [];
  return { events, text, saved: saved!, citations };
}

beforeAll(async () => {
  database = await createTestDatabase();
  doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  const avatar = await createAvatar(database.db, doctor, testAvatarProfile("Dr. Urate", { specialty: "Rheumatology" }));
  await pasteDocument(database.db, doctor, {
    avatarId: avatar.id,
    title: "Gout guideline",
    text: "# Gout\n\nAlcohol and purine-rich food can trigger gout attacks. Drink plenty of water, two litres a day.\n\n# Diet\n\nLimit offal, shellfish and sugary drinks.",
    provenance: { sourceKind: "guideline", sourceName: "ACR", edition: "2020", evidenceLevel: "1B" },
  }, limits);
  await addDocument(database.db, doctor, { avatarId: avatar.id, title: "Gout FAQ", filename: "faq.csv", format: "csv", bytes: new TextEncoder().encode(FAQ) }, limits);
  await drainIngestionQueue(database.db, offline);
  const a = await getAvatarOrThrow(database.db, doctor, avatar.id, "read");
  target = { avatarId: a.id, orgId: a.orgId, versionId: null, persona: snapshotOf(a) };
});

afterAll(async () => {
  await database?.close();
});

describe("a question the doctor answered in a curated answer", () => {
  it("gets the doctor's answer verbatim, cited as the FAQ entry", async () => {
    const { text, saved, citations } = await turn("Can I drink alcohol if I have gout?");
    expect(text).toBe(ALCOHOL_ANSWER);
    expect(saved).toMatchObject({ kind: "answer", model: "curated-answer", content: ALCOHOL_ANSWER });
    expect(citations).toEqual([
      expect.objectContaining({ index: 1, kind: "curated", headingPath: ["Can I drink alcohol with gout?"], excerpt: ALCOHOL_ANSWER, documentTitle: "Gout FAQ", page: null }),
    ]);
    expect(saved.citations).toEqual(citations);
  });

  it("works in Chinese too", async () => {
    const { text, saved } = await turn("我有痛风，能不能喝酒？");
    expect(text).toBe("不建议。酒精，尤其是啤酒，会升高尿酸。");
    expect(saved.model).toBe("curated-answer");
  });

  it("does not take over a different question: that goes through retrieval and the composer, citing source and year", async () => {
    const { saved, citations } = await turn("How much water should I drink with gout?");
    expect(saved.model).toBe("offline-composer");
    expect(citations[0]).toMatchObject({ kind: "passage", documentTitle: "Gout guideline", source: "ACR", year: "2020" });
  });

  it("embeds the question once for both passage retrieval and the curated lookup", async () => {
    countingEmbedder.calls = 0;
    await turn("Can I drink alcohol with gout?");
    expect(countingEmbedder.calls).toBe(1);
  });

  it("never comes before crisis assessment", async () => {
    countingEmbedder.calls = 0;
    const { events, saved } = await turn("I want to kill myself, can I drink alcohol with gout?");
    expect(events[0]).toMatchObject({ type: "crisis" });
    expect(saved.kind).toBe("crisis");
    expect(countingEmbedder.calls).toBe(0);
  });
});
