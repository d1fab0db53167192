import type { Citation } from "@/db/schema";
import type { ChatDataParts, FenshenUIMessage } from "@/server/chat/ui-message";

export type { Citation, FenshenUIMessage };
export type Hotline = ChatDataParts["crisis"]["hotlines"][number];
export type CrisisData = ChatDataParts["crisis"];
export type SupportData = ChatDataParts["support"];
export type AnswerKind = ChatDataParts["done"]["kind"];

/** Who the chat talks to: a published avatar (patients) or the signed-in doctor's draft (studio preview). */
export type ChatTarget = { slug: string } | { previewAvatarId: string };
