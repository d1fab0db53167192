import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { demonstrations, virtualPatients } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { getAvatarOrThrow } from "@/server/avatars/avatar.service";
import type { ChatModel } from "@/server/llm/model";
import { AppError } from "@/server/lib/errors";
import { createProtocol } from "@/server/protocols/protocol.service";
import { ZProtocolInput } from "@/server/protocols/protocol.schema";
import type { CaseCard, TranscriptTurn } from "@/db/schema/case-card";
import { getCaseOrThrow } from "./case.service";
import { simulatePatientReply } from "./simulated-patient";
import { type ProtocolDraft, protocolDraftFrom } from "./suggest-protocol";

export type DemonstrationRow = typeof demonstrations.$inferSelect;

const id = z.string().min(1).max(100);
export const TRANSCRIPT_MAX_TURNS = 200;

export const ZTranscriptTurn = z.object({
  role: z.enum(["interviewer", "patient"]),
  text: z.string().trim().min(1).max(4000),
  meta: z
    .object({
      kind: z.string().max(40).optional(),
      urgency: z.string().max(40).nullable().optional(),
      citations: z.number().int().min(0).max(100).optional(),
      crisis: z.boolean().optional(),
      ordered: z.string().max(200).optional(),
    })
    .optional(),
}) satisfies z.ZodType<TranscriptTurn>;
const ZTranscript = z.array(ZTranscriptTurn).max(TRANSCRIPT_MAX_TURNS, `A consultation is limited to ${TRANSCRIPT_MAX_TURNS} turns.`);

export const ZConsultStart = z.object({ avatarId: id, caseId: id });
export const ZConsultAsk = z.object({ avatarId: id, caseId: id, transcript: ZTranscript, question: z.string().trim().min(1, "Type a question.").max(1000) });
export const ZConsultOrder = z.object({ avatarId: id, caseId: id, resultIndex: z.number().int().min(0).max(100) });
export const ZDemonstrationSave = z.object({
  avatarId: id,
  caseId: id,
  transcript: ZTranscript.refine((t) => t.some((turn) => turn.role === "interviewer"), "Ask the patient at least one question before saving."),
});
export const ZDemonstrationList = z.object({ avatarId: id });
export const ZDemonstrationId = z.object({ demonstrationId: id });
export const ZDemonstrationExample = z.object({ demonstrationId: id, isExample: z.boolean() });

/** What the doctor sees of a case before consulting it: who the patient is and what can be ordered, not the facts. */
export interface ConsultBrief {
  caseId: string;
  name: string;
  age: number;
  sex: CaseCard["sex"];
  language: CaseCard["language"];
  chiefComplaint: string;
  openingLine: string;
  results: { index: number; name: string }[];
}

/** A doctor consults for one of their avatars: the avatar must be theirs to edit, the case their organization's. */
async function consultTarget(db: Db, actor: Principal<"staff">, avatarId: string, caseId: string) {
  const avatar = await getAvatarOrThrow(db, actor, avatarId, "edit");
  const row = await getCaseOrThrow(db, actor, caseId);
  return { avatar, row };
}

export async function startConsult(db: Db, actor: Principal<"staff">, input: z.infer<typeof ZConsultStart>): Promise<ConsultBrief> {
  const { row } = await consultTarget(db, actor, input.avatarId, input.caseId);
  const c = row.card;
  return {
    caseId: row.id,
    name: c.name,
    age: c.age,
    sex: c.sex,
    language: c.language,
    chiefComplaint: c.chiefComplaint,
    openingLine: c.openingLine,
    results: c.results.map((r, index) => ({ index, name: r.name })),
  };
}

/** The virtual patient's answer to the doctor's question, from its card only. */
export async function askVirtualPatient(
  db: Db,
  deps: { chatModel: ChatModel | null },
  actor: Principal<"staff">,
  input: z.infer<typeof ZConsultAsk>,
): Promise<{ text: string; revealed: string[] }> {
  const { row } = await consultTarget(db, actor, input.avatarId, input.caseId);
  return simulatePatientReply(deps, { card: row.card, transcript: input.transcript, question: input.question });
}

/** An exam finding or test result the doctor orders: the two turns to append to the transcript. */
export async function orderResult(db: Db, actor: Principal<"staff">, input: z.infer<typeof ZConsultOrder>): Promise<TranscriptTurn[]> {
  const { row } = await consultTarget(db, actor, input.avatarId, input.caseId);
  const result = row.card.results[input.resultIndex];
  if (!result) throw new AppError("not_found", "This case has no such exam or test result.");
  const order = row.card.language === "zh-CN" ? `开检查：${result.name}` : `Order: ${result.name}`;
  return [
    { role: "interviewer", text: order, meta: { ordered: result.name } },
    { role: "patient", text: `${result.name}: ${result.result}`, meta: { ordered: result.name } },
  ];
}

export async function saveDemonstration(db: Db, actor: Principal<"staff">, input: z.infer<typeof ZDemonstrationSave>): Promise<DemonstrationRow> {
  const { avatar, row } = await consultTarget(db, actor, input.avatarId, input.caseId);
  const [saved] = await db
    .insert(demonstrations)
    .values({ orgId: actor.orgId, avatarId: avatar.id, virtualPatientId: row.id, doctorId: actor.userId, transcript: input.transcript })
    .returning();
  return saved!;
}

/** The avatar's demonstrations, newest first, with the case each consulted. */
export async function listDemonstrations(db: Db, actor: Principal<"staff">, avatarId: string) {
  const avatar = await getAvatarOrThrow(db, actor, avatarId, "read");
  assertCan(actor, "case.read");
  const rows = await db
    .select({ demonstration: demonstrations, card: virtualPatients.card })
    .from(demonstrations)
    .innerJoin(virtualPatients, eq(virtualPatients.id, demonstrations.virtualPatientId))
    .where(and(eq(demonstrations.orgId, actor.orgId), eq(demonstrations.avatarId, avatar.id)))
    .orderBy(desc(demonstrations.createdAt));
  return rows.map(({ demonstration, card }) => ({
    ...demonstration,
    caseName: card.name,
    chiefComplaint: card.chiefComplaint,
    language: card.language,
    questions: demonstration.transcript.filter((t) => t.role === "interviewer" && !t.meta?.ordered).length,
  }));
}

async function demonstrationOrThrow(db: Db, actor: Principal<"staff">, demonstrationId: string, mode: "read" | "edit") {
  const [row] = await db
    .select({ demonstration: demonstrations, card: virtualPatients.card })
    .from(demonstrations)
    .innerJoin(virtualPatients, eq(virtualPatients.id, demonstrations.virtualPatientId))
    .where(and(eq(demonstrations.id, demonstrationId), eq(demonstrations.orgId, actor.orgId)));
  if (!row) throw new AppError("not_found", "No such demonstration in your organization.");
  await getAvatarOrThrow(db, actor, row.demonstration.avatarId, mode);
  return row;
}

/** Marks (or unmarks) a demonstration as an example the avatar should follow. */
export async function setDemonstrationExample(db: Db, actor: Principal<"staff">, input: z.infer<typeof ZDemonstrationExample>): Promise<DemonstrationRow> {
  const { demonstration } = await demonstrationOrThrow(db, actor, input.demonstrationId, "edit");
  const [row] = await db
    .update(demonstrations)
    .set({ isExample: input.isExample })
    .where(and(eq(demonstrations.id, demonstration.id), eq(demonstrations.orgId, actor.orgId)))
    .returning();
  return row!;
}

export async function deleteDemonstration(db: Db, actor: Principal<"staff">, demonstrationId: string): Promise<{ deleted: string }> {
  const { demonstration } = await demonstrationOrThrow(db, actor, demonstrationId, "edit");
  await db.delete(demonstrations).where(and(eq(demonstrations.id, demonstration.id), eq(demonstrations.orgId, actor.orgId)));
  return { deleted: demonstration.id };
}

/**
 * Suggests a protocol from a demonstration: the doctor's questions, in order, cleaned up, saved as a
 * disabled protocol of the avatar for the doctor to review and enable.
 */
export async function suggestProtocol(db: Db, actor: Principal<"staff">, demonstrationId: string): Promise<{ draft: ProtocolDraft; protocolId: string }> {
  const { demonstration, card } = await demonstrationOrThrow(db, actor, demonstrationId, "edit");
  const draft = protocolDraftFrom(card, demonstration.transcript);
  if (draft.questions.length === 0) throw new AppError("bad_request", "This consultation has no questions to turn into a protocol.");
  const protocol = await createProtocol(db, actor, demonstration.avatarId, ZProtocolInput.parse(draft));
  return { draft, protocolId: protocol.id };
}

const STYLE_EXAMPLES_MAX = 6;
const STYLE_TEXT_MAX = 300;

/**
 * A few short patient → doctor exchanges from the demonstrations marked as examples, newest first:
 * how this doctor replies to what a patient says, for the model's prompt as style examples. Only the
 * avatar's own organization's rows are read; the caller has already resolved the avatar.
 */
export async function styleExamplesFor(db: Db, avatarId: string): Promise<{ question: string; answer: string }[]> {
  const rows = await db
    .select({ transcript: demonstrations.transcript })
    .from(demonstrations)
    .where(and(eq(demonstrations.avatarId, avatarId), eq(demonstrations.isExample, true)))
    .orderBy(desc(demonstrations.createdAt))
    .limit(5);
  const pairs: { question: string; answer: string }[] = [];
  for (const { transcript } of rows) {
    for (let i = 0; i + 1 < transcript.length && pairs.length < STYLE_EXAMPLES_MAX; i++) {
      const said = transcript[i]!;
      const reply = transcript[i + 1]!;
      if (said.role !== "patient" || reply.role !== "interviewer" || said.meta?.ordered || reply.meta?.ordered) continue;
      if (said.text.length > STYLE_TEXT_MAX || reply.text.length > STYLE_TEXT_MAX) continue;
      pairs.push({ question: said.text, answer: reply.text });
    }
  }
  return pairs;
}
