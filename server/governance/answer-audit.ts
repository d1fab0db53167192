import "server-only";
import type { Citation } from "@/db/schema";
import type { auditLog } from "@/db/schema";
import type { ChatTarget } from "@/server/chat/turn-types";

type AuditRow = typeof auditLog.$inferInsert;

interface TurnOf {
  target: ChatTarget;
  conversationId: string;
}

/**
 * An answer's provenance in the audit log: which version, passages and model produced it. Written by the
 * conversation store in the transaction that saves the answer (simulation runs are not audited).
 */
export function answerAuditRow(turn: TurnOf, answer: { id: string; kind: string; model: string; citations: Citation[] }): AuditRow {
  return {
    orgId: turn.target.orgId,
    actorId: null,
    actorLabel: "patient",
    action: "answer.generated",
    targetType: "message",
    targetId: answer.id,
    details: {
      avatarId: turn.target.avatarId,
      versionId: turn.target.versionId,
      conversationId: turn.conversationId,
      kind: answer.kind,
      model: answer.model,
      passages: answer.citations.map((c) => c.passageId),
    },
  };
}

/** The escalation a crisis turn raised, in the same transaction. */
export function escalationAuditRow(turn: TurnOf, escalation: { id: string; category: string; level: string }): AuditRow {
  return {
    orgId: turn.target.orgId,
    actorId: null,
    actorLabel: "system",
    action: "escalation.created",
    targetType: "escalation",
    targetId: escalation.id,
    details: { category: escalation.category, level: escalation.level, avatarId: turn.target.avatarId, conversationId: turn.conversationId },
  };
}
