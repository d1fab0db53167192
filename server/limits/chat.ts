import type { Db } from "@/db/client";
import { getConfig } from "@/server/env";
import { assessMessage, isCrisisReply, type MessageAssessment } from "@/server/safety/detect";
import { enforceLimits, type Limit, waitText } from "./rate-limit";

export interface ChatClient {
  /** The patient session (hashed), widget session or API key the message comes from. */
  id: string;
  /** From clientAddress(); null where the caller is not a browser (the organization API). */
  address: string | null;
}

/**
 * Admits one chat message or throws rate_limited. A message the crisis detector answers with the vetted
 * crisis reply is assessed first and always admitted: no limit may stand between a patient in danger
 * and the hotline. Returns the assessment for the turn to go on from (it adds the conversation's
 * context and escalates), so a message is assessed once.
 * `siteLimit` is the widget's per-embedding-site limit, counted after the client's own.
 */
export async function admitChatMessage(
  db: Db,
  args: { message: string; client: ChatClient; avatar: string; siteLimit?: Limit; now?: Date },
): Promise<MessageAssessment> {
  const assessment = assessMessage(args.message);
  if (isCrisisReply(assessment.verdict)) return assessment;
  const config = getConfig();
  const tooFast = (seconds: number) => `You are sending messages too quickly. Please wait ${waitText(seconds)} and try again.`;
  const limits: Limit[] = [{ key: `chat:client:${args.client.id}`, ...config.RATE_LIMIT_CHAT_CLIENT, refusal: tooFast }];
  if (args.client.address) limits.push({ key: `chat:address:${args.client.address}`, ...config.RATE_LIMIT_CHAT_ADDRESS, refusal: tooFast });
  if (args.siteLimit) limits.push(args.siteLimit);
  limits.push({
    key: `chat:avatar:${args.avatar}`,
    ...config.RATE_LIMIT_CHAT_AVATAR,
    refusal: (seconds) => `This avatar is answering very many patients right now. Please wait ${waitText(seconds)} and try again.`,
  });
  await enforceLimits(db, limits, args.now);
  return assessment;
}
