import { getDatabase } from "@/server/db";
import { claimConversations, loadTranscript, resumableConversationId } from "./history.service";
import { requestPatient } from "./request-identity";
import { transcriptToUIMessages } from "./ui-transcript";

/**
 * The conversation to continue with an avatar (the one asked for, else this browser's latest), as UI messages, or null. A signed-in patient's
 * browser conversations are claimed for their history on the way.
 */
export async function resumeConversation(avatarId: string, preferredId?: string) {
  const identity = await requestPatient();
  if (!identity.sessionHash) return null;
  const { db } = await getDatabase();
  if (identity.userId) await claimConversations(db, { sessionHash: identity.sessionHash, userId: identity.userId });
  const id = await resumableConversationId(db, { avatarId, sessionHash: identity.sessionHash, preferredId });
  if (!id) return null;
  return { id, ...transcriptToUIMessages(await loadTranscript(db, identity, id)) };
}
