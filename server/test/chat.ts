import type { Db } from "@/db/client";
import type { Principal } from "@/server/principal/principal";
import { createAvatar, getAvatarOrThrow, getPublishedAvatarBySlug, snapshotOf } from "@/server/avatars/avatar.service";
import { openConversation } from "@/server/conversations/store";
import { publishAvatar } from "@/server/publishing/publishing.service";
import { type ChatEvent, type ChatTarget, respond } from "@/server/chat/engine";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { pasteDocument } from "@/server/knowledge/document.service";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { testAvatarProfile } from "@/server/test/db";

/** A patient's target, as the chat service resolves a slug, but uncached: tests re-publish and ask at once. */
export async function publishedTestTarget(db: Db, slug: string): Promise<ChatTarget> {
  const p = await getPublishedAvatarBySlug(db, slug);
  return { avatarId: p.avatarId, orgId: p.orgId, versionId: p.versionId, persona: p.snapshot, knowledge: p.knowledge };
}

/** The owner's preview of the draft, as `actor` sees it. */
export async function previewTestTarget(db: Db, actor: Principal<"staff">, avatarId: string): Promise<ChatTarget> {
  const a = await getAvatarOrThrow(db, actor, avatarId, "read");
  return { avatarId: a.id, orgId: a.orgId, versionId: null, persona: snapshotOf(a) };
}

/** One patient turn without a model, in a new conversation: its answer text, kind and cited document titles. */
export async function askOffline(db: Db, embedder: Embedder, target: ChatTarget, message: string) {
  const conversationId = await openConversation(db, { target, sessionHash: `s-${crypto.randomUUID()}`, locale: "en" });
  const events: ChatEvent[] = [];
  for await (const e of respond({ db, embedder, chatModel: null }, { target, conversationId, message })) events.push(e);
  const done = events.at(-1) as Extract<ChatEvent, { type: "done" }>;
  const text = events.flatMap((e) => (e.type === "text" ? [e.delta] : [])).join("");
  const citations = events.flatMap((e) => (e.type === "citations" ? e.citations : []));
  return { conversationId, messageId: done.messageId, kind: done.kind, text, titles: [...new Set(citations.map((c) => c.documentTitle))] };
}

/** A published cardiology avatar with one indexed document about salt; returns its slug. */
export async function publishedSaltAvatar(db: Db, actor: Principal<"staff">, name: string): Promise<string> {
  const avatar = await createAvatar(db, actor, testAvatarProfile(name, { specialty: "Cardiology" }));
  await pasteDocument(db, actor, { avatarId: avatar.id, title: "Salt", text: "# Salt\n\nEat less than five grams of salt a day. Salt hides in bread, soup and processed meat." }, { maxBytes: 1 << 20 });
  await drainIngestionQueue(db, createOfflineEmbedder());
  await publishAvatar(db, actor, avatar.id);
  return avatar.slug;
}
