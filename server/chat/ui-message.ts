import type { UIMessage } from "ai";
import type { Citation } from "@/db/schema";
import type { UrgencyLevel } from "@/db/schema/columns";
import type { CrisisCategory } from "@/db/schema/crisis-types";
import type { Hotline } from "@/server/safety/replies";
import type { ScreeningAsked } from "./turn-types";

/** The side-channel parts of the patient chat stream, next to the streamed text. */
export type ChatDataParts = {
  conversation: { conversationId: string };
  crisis: { category: string; level: string; hotlines: Hotline[] };
  /** The check-in tier: resources, and the screening question the reply ends with (null when it asks none). */
  support: { category: CrisisCategory; hotlines: Hotline[]; screening: ScreeningAsked | null };
  citations: { citations: Citation[] };
  /** How urgently care is advised, on the doctor's scale (data-urgency). */
  urgency: { level: UrgencyLevel };
  done: { messageId: string; kind: "crisis" | "answer" | "no_answer" };
};

export type FenshenUIMessage = UIMessage<never, ChatDataParts>;
