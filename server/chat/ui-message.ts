import type { UIMessage } from "ai";
import type { Citation } from "@/db/schema";
import type { UrgencyLevel } from "@/db/schema/columns";
import type { CrisisCategory } from "@/db/schema/crisis-types";
import type { Hotline } from "@/server/safety/replies";
import type { ScreeningAsked, TurnTimings } from "./turn-types";

/** The side-channel parts of the patient chat stream, next to the streamed text. */
export type ChatDataParts = {
  conversation: { conversationId: string };
  crisis: { category: string; level: string; hotlines: Hotline[] };
  /** The check-in tier: resources, and the screening question the reply ends with (null when it asks none). */
  support: { category: CrisisCategory; hotlines: Hotline[]; screening: ScreeningAsked | null };
  citations: { citations: Citation[] };
  /** How urgently care is advised, on the doctor's scale (data-urgency). */
  urgency: { level: UrgencyLevel };
  /** The stored answer; `timings` are the turn's stages in ms (no text), read by bench:chat for its per-stage percentiles. */
  done: { messageId: string; kind: "crisis" | "answer" | "no_answer"; timings?: TurnTimings };
};

export type FenshenUIMessage = UIMessage<never, ChatDataParts>;
