import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, lte } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { conversations, curatedAnswers, messages, runCorrections, simulationRuns } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { getAvatarOrThrow } from "@/server/avatars/avatar.service";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { curatedKeywordVector } from "@/server/knowledge/retrieve/curated";
import { AppError } from "@/server/lib/errors";
import { getProtocolOrThrow, updateProtocol } from "@/server/protocols/protocol.service";
import { ZProtocolInput } from "@/server/protocols/protocol.schema";
import type { TranscriptTurn } from "@/db/schema/case-card";

const id = z.string().min(1).max(100);
const teaching = {
  correction: z.string().trim().min(1, "Write what the avatar should have said or asked.").max(4000, "A correction is limited to 4,000 characters."),
  /** curated_answer: the doctor's words become the answer to the patient's message; protocol_question: a question added to a protocol. */
  applyAs: z.enum(["curated_answer", "protocol_question"]).default("curated_answer"),
  protocolId: id.optional(),
};
export const ZCorrectRunTurn = z.object({ runId: id, turnIndex: z.number().int().min(0).max(500), ...teaching });
export const ZCorrectMessage = z.object({ messageId: id, ...teaching });

type Teaching = { correction: string; applyAs: "curated_answer" | "protocol_question"; protocolId?: string };

/** Adds the doctor's own answer to a question, embedded and indexed like an FAQ entry; the draft uses it at once, versions from the next publish. */
export async function addCuratedAnswer(db: Db, embedder: Embedder, args: { orgId: string; avatarId: string; question: string; answer: string }): Promise<string> {
  const [embedding] = await embedder.embed([args.question]);
  const [row] = await db
    .insert(curatedAnswers)
    .values({
      orgId: args.orgId,
      avatarId: args.avatarId,
      question: args.question,
      answer: args.answer,
      keywords: curatedKeywordVector(args.question, args.answer),
      embedding: embedding!,
      embedder: embedder.id,
      live: false,
    })
    .returning({ id: curatedAnswers.id });
  return row!.id;
}

/** Applies a correction as a curated answer to the patient's message, or as a new question of one of the avatar's protocols. */
async function applyTeaching(db: Db, embedder: Embedder, actor: Principal<"staff">, avatar: { id: string; orgId: string }, patientMessage: string, t: Teaching) {
  if (t.applyAs === "protocol_question") {
    if (!t.protocolId) throw new AppError("bad_request", "Choose the protocol the question should be added to.");
    const protocol = await getProtocolOrThrow(db, actor, t.protocolId, "edit");
    if (protocol.avatarId !== avatar.id) throw new AppError("not_found", "No such protocol of this avatar.");
    const question = { id: randomUUID().slice(0, 8), text: t.correction.slice(0, 500), kind: "text" as const, options: [], unit: "", unitAliases: [], min: null, max: null, redFlags: [] };
    await updateProtocol(db, actor, protocol.id, ZProtocolInput.parse({ ...protocol, questions: [...protocol.questions, question] }));
    return { appliedAs: "protocol" as const, appliedId: protocol.id };
  }
  if (!patientMessage.trim()) throw new AppError("bad_request", "There is no patient message before this turn to attach the answer to.");
  const appliedId = await addCuratedAnswer(db, embedder, { orgId: avatar.orgId, avatarId: avatar.id, question: patientMessage, answer: t.correction });
  return { appliedAs: "curated_answer" as const, appliedId };
}

/** Teaching from a run: what the avatar should have said or asked on one of its turns. */
export async function correctRunTurn(db: Db, embedder: Embedder, actor: Principal<"staff">, input: z.output<typeof ZCorrectRunTurn>) {
  assertCan(actor, "simulation.run");
  const { runId, turnIndex, ...t } = input;
  const [run] = await db.select().from(simulationRuns).where(and(eq(simulationRuns.id, runId), eq(simulationRuns.orgId, actor.orgId)));
  if (!run) throw new AppError("not_found", "No such simulation run in your organization.");
  const avatar = await getAvatarOrThrow(db, actor, run.avatarId, "edit");
  const transcript: TranscriptTurn[] = run.transcript;
  const turn = transcript[turnIndex];
  if (!turn) throw new AppError("bad_request", `This run has no turn ${turnIndex + 1}.`);
  if (turn.role !== "interviewer") throw new AppError("bad_request", `Turn ${turnIndex + 1} is the patient's: correct one of the avatar's turns.`);
  const asked = transcript.slice(0, turnIndex).findLast((x) => x.role === "patient")?.text ?? "";
  const applied = await applyTeaching(db, embedder, actor, avatar, asked, t);
  const [row] = await db
    .insert(runCorrections)
    .values({ orgId: actor.orgId, avatarId: avatar.id, runId: run.id, messageId: turn.meta?.messageId ?? null, turnIndex, correction: t.correction, ...applied, createdBy: actor.userId })
    .returning();
  return row!;
}

/** Teaching from a real conversation: the same, on one of the avatar's messages. */
export async function correctMessage(db: Db, embedder: Embedder, actor: Principal<"staff">, input: z.output<typeof ZCorrectMessage>) {
  assertCan(actor, "simulation.run");
  const { messageId, ...t } = input;
  const [message] = await db
    .select({ id: messages.id, role: messages.role, conversationId: messages.conversationId, createdAt: messages.createdAt, avatarId: conversations.avatarId })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messages.id, messageId), eq(messages.orgId, actor.orgId)));
  if (!message) throw new AppError("not_found", "No such message in your organization.");
  if (message.role !== "avatar") throw new AppError("bad_request", "This is the patient's message: correct one of the avatar's.");
  const avatar = await getAvatarOrThrow(db, actor, message.avatarId, "edit");
  // At or before: a turn's question and answer can share a timestamp (one transaction for a crisis
  // turn; PGlite's clock counts milliseconds), as the gaps queue's lookup allows too.
  const [asked] = await db
    .select({ content: messages.content })
    .from(messages)
    .where(and(eq(messages.conversationId, message.conversationId), eq(messages.role, "patient"), lte(messages.createdAt, message.createdAt)))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  const applied = await applyTeaching(db, embedder, actor, avatar, asked?.content ?? "", t);
  const [row] = await db
    .insert(runCorrections)
    .values({ orgId: actor.orgId, avatarId: avatar.id, messageId: message.id, correction: t.correction, ...applied, createdBy: actor.userId })
    .returning();
  return row!;
}

/** The corrections of a run, for its annotated transcript. */
export async function listRunCorrections(db: Db, actor: Principal<"staff">, unverifiedRunId: string) {
  assertCan(actor, "simulation.read");
  const [run] = await db.select({ avatarId: simulationRuns.avatarId }).from(simulationRuns).where(and(eq(simulationRuns.id, unverifiedRunId), eq(simulationRuns.orgId, actor.orgId)));
  if (!run) throw new AppError("not_found", "No such simulation run in your organization.");
  await getAvatarOrThrow(db, actor, run.avatarId, "read");
  return db
    .select({ id: runCorrections.id, turnIndex: runCorrections.turnIndex, correction: runCorrections.correction, appliedAs: runCorrections.appliedAs, createdAt: runCorrections.createdAt })
    .from(runCorrections)
    .where(and(eq(runCorrections.runId, unverifiedRunId), eq(runCorrections.orgId, actor.orgId)))
    .orderBy(runCorrections.createdAt);
}
