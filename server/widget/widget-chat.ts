import { z } from "zod";
import type { Db } from "@/db/client";
import { MAX_MESSAGE_CHARS } from "@/server/chat/chat.schema";
import { sessionHash } from "@/server/chat/patient-session";
import type { Principal } from "@/server/principal/principal";
import { getPublishedAvatarCached } from "@/server/chat/published-target";
import { AppError } from "@/server/lib/errors";
import { admitChatMessage } from "@/server/limits/chat";
import type { MessageAssessment } from "@/server/safety/detect";
import { waitText } from "@/server/limits/rate-limit";
import { verifyEmbedToken } from "./embed-token";
import { originOf } from "./origins";
import { getWidgetPolicy } from "./widget.service";

export const ZWidgetChatRequest = z.object({
  slug: z.string().min(1).max(100),
  conversationId: z.string().min(1).max(64).optional(),
  message: z
    .string("Type a message first.")
    .trim()
    .min(1, "Type a message first.")
    .max(MAX_MESSAGE_CHARS, `Messages are limited to ${MAX_MESSAGE_CHARS} characters; please shorten yours.`),
  /** The embedded chat's anonymous session (kept in the frame's storage: third-party cookies are often blocked). */
  // Missing and too short say the same: the frame lost its session.
  sessionToken: z.string("The chat session is missing; reload the page.").min(16, "The chat session is missing; reload the page.").max(128),
  /** Signed by the embed page for the site that framed it (see embed-token.ts). */
  embedToken: z.string("Reload the page to continue the chat.").min(1, "Reload the page to continue the chat.").max(2000),
});
export type TWidgetChatRequest = z.infer<typeof ZWidgetChatRequest>;

/**
 * Admits one widget chat message or throws: the browser request must come from Fenshen's own embed
 * page (Origin, else Referer, on this host), its embed token must be valid for the avatar's
 * organization, the embedding site must still be allowed, and the message must be within the chat
 * limits (server/limits/chat.ts, crisis messages always pass), including the site's own rate.
 */
export async function admitWidgetMessage(
  db: Db,
  args: { request: TWidgetChatRequest; origin: string | null; referer: string | null; host: string | null; address: string; secret: string; now?: number },
): Promise<{ embeddingOrigin: string; assessment: MessageAssessment; patient: Principal<"patient"> & { sessionHash: string } }> {
  const caller = originOf(args.origin) ?? originOf(args.referer);
  if (!caller || !args.host || new URL(caller).host !== args.host) {
    throw new AppError("forbidden", `The widget's chat only answers its own embed page${caller ? `, not ${caller}` : ""}. Embed it with the script tag from the organization's widget settings.`);
  }
  const claims = verifyEmbedToken(args.secret, args.request.embedToken, args.now);
  if (!claims) throw new AppError("forbidden", "This chat session has expired or was not opened from an allowed site. Reload the page.");
  const avatar = await getPublishedAvatarCached(db, args.request.slug);
  if (avatar.orgId !== claims.orgId) throw new AppError("not_found", "No published avatar at this address.");
  const policy = await getWidgetPolicy(db, claims.orgId, args.now);
  if (!policy.allowedOrigins.includes(claims.origin)) {
    throw new AppError("forbidden", `${claims.origin} is no longer allowed to embed this chat.`);
  }
  // The widget's patient is its page's session token, once the embed token above vouches for the page.
  const patient = { kind: "patient" as const, sessionHash: sessionHash("widget", args.request.sessionToken), userId: null };
  const assessment = await admitChatMessage(db, {
    message: args.request.message,
    client: { id: patient.sessionHash, address: args.address },
    avatar: args.request.slug,
    siteLimit: {
      key: `widget:site:${claims.orgId} ${claims.origin}`,
      max: policy.rateLimitPerMinute,
      windowSeconds: 60,
      refusal: (seconds) => `This site has sent too many messages in the last minute. Please wait ${waitText(seconds)} and try again.`,
    },
    now: args.now === undefined ? undefined : new Date(args.now),
  });
  return { embeddingOrigin: claims.origin, assessment, patient };
}
