/** The types a chat turn is made of, shared by the engine and its steps. */
import type { Db } from "@/db/client";
import type { AvatarSnapshot, Citation, MessageTimings, PassagePin } from "@/db/schema";
import type { UrgencyLevel } from "@/db/schema/columns";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import type { ChatProtocol } from "@/server/protocols/protocol.service";
import type { CrisisCategory, CrisisLevel, CrisisVerdict } from "@/db/schema/crisis-types";
import type { Hotline, ScreeningId } from "@/server/safety/replies";
import type { ChatModel } from "@/server/llm/model";

/** Which avatar a turn talks to: a published version for patients, the draft for the studio preview. */
export interface ChatTarget {
  avatarId: string;
  orgId: string;
  versionId: string | null;
  persona: AvatarSnapshot;
  /** Consultation protocols for clinic-room mode (see protocolsForTarget); absent: none. */
  protocols?: ChatProtocol[];
  /** A published version's knowledge (absent for the draft, which uses everything enabled now). */
  knowledge?: PublishedKnowledge;
  /** A test, not a patient (a virtual-patient run, the studio preview): a crisis turn is recorded in the conversation but escalates to no one. */
  simulation?: boolean;
}

export interface PublishedKnowledge {
  /** The version's documents; null for a version published before knowledge sets were recorded. */
  documentIds: string[] | null;
  /** The version's passages as published, shared corpora's included (server/knowledge/pins.ts); null before pinning. */
  pins: PassagePin[] | null;
  /** When it was published: curated answers written later serve it only when flagged live. */
  publishedAt: Date;
}

export interface ChatDeps {
  db: Db;
  embedder: Embedder;
  chatModel: ChatModel | null;
  /** Called after an escalation is committed, to deliver its notifications without waiting for a poll. */
  onEscalation?: () => void;
  /** The crisis assessment (assessCrisis by default; tests inject a verdict). */
  assess?: (input: { message: string; recent: string[] }) => CrisisVerdict;
  /**
   * Waits for the turn's slot in a queue (the embedded engine's turn gate). Called once the turn is
   * known not to be a crisis: a crisis reply never waits behind other patients' turns.
   */
  queue?: () => Promise<void>;
}

export type CrisisVerdictFound = CrisisVerdict & { category: CrisisCategory; level: CrisisLevel };

/** The screening question a check-in turn asks, in the patient's language. */
export interface ScreeningAsked {
  id: ScreeningId;
  category: CrisisCategory;
  question: string;
}

export type ChatEvent =
  | { type: "crisis"; category: CrisisCategory; level: CrisisLevel; hotlines: Hotline[]; escalationId: string | null }
  /** The check-in tier: resources shown, and (once per conversation and question) the screening question the reply ends with. */
  | { type: "support"; category: CrisisCategory; hotlines: Hotline[]; screening: ScreeningAsked | null }
  | { type: "citations"; citations: Citation[] }
  /** How urgently care is advised, on the doctor's scale, when the answer advises care. */
  | { type: "urgency"; level: UrgencyLevel }
  | { type: "text"; delta: string }
  /** The turn is saved; `timings` are its stages, the save included (the stored answer has them without it). */
  | { type: "done"; messageId: string; kind: "crisis" | "answer" | "no_answer"; timings: TurnTimings };

export type TurnTimings = MessageTimings & { persistMs: number };
