import { z } from "zod";
import { ANSWER_POLICIES } from "@/db/schema/avatars";

export const REGIONS = ["CN", "US", "UK", "INTL"] as const;
export const AVATAR_LANGUAGES = ["zh-CN", "en"] as const;

export const MAX_TOPICS = 50;
export const MAX_SUGGESTED_QUESTIONS = 8;

/** A list of short phrases (topics, suggested questions): trimmed, blanks and duplicates dropped. */
const phraseList = (max: number, itemMax: number, what: string) =>
  z
    .array(z.string().trim().max(itemMax, `Each ${what} is limited to ${itemMax} characters.`))
    .max(max, `At most ${max} ${what}s.`)
    .default([])
    .transform((items) => [...new Set(items.filter(Boolean))]);

export const ZAvatarProfile = z.object({
  name: z.string().trim().min(1, "Enter the avatar's name.").max(80),
  title: z.string().trim().max(120).default(""),
  specialty: z.string().trim().max(120).default(""),
  hospital: z.string().trim().max(160).default(""),
  bio: z.string().trim().max(2000).default(""),
  greeting: z.string().trim().max(500).default(""),
  language: z.enum(AVATAR_LANGUAGES).default("zh-CN"),
  /** Every language the avatar answers in; empty means only the main language. */
  languages: z.array(z.enum(AVATAR_LANGUAGES)).max(4, "Choose at most the two languages.").default([]).transform((l) => [...new Set(l)]),
  disclaimer: z.string().trim().max(1000).default(""),
  region: z.enum(REGIONS).default("CN"),
  tone: z.string().trim().max(1000, "Tone and persona instructions are limited to 1,000 characters.").default(""),
  topicsIn: phraseList(MAX_TOPICS, 60, "topic"),
  topicsOut: phraseList(MAX_TOPICS, 60, "topic"),
  outOfScopeText: z.string().trim().max(500, "The out-of-scope reply is limited to 500 characters.").default(""),
  suggestedQuestions: phraseList(MAX_SUGGESTED_QUESTIONS, 200, "suggested question"),
  answerPolicy: z.enum(ANSWER_POLICIES).default("materials_only"),
  noAnswerText: z.string().trim().max(500, "The no-answer text is limited to 500 characters.").default(""),
});
/** What a form or caller sends (every field but the name may be left out). */
export type TAvatarProfile = z.input<typeof ZAvatarProfile>;
/** A profile once parsed (where it arrives: the router, the seed, a test), which the service takes as it is. */
export type AvatarProfile = z.output<typeof ZAvatarProfile>;

export const ZAvatarId = z.object({ avatarId: z.string().min(1).max(64) });
export const ZUpdateAvatarInput = ZAvatarId.extend({ profile: ZAvatarProfile });

/** Photos: PNG, JPEG or WebP, checked by their bytes, at most this size. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const PHOTO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** The image type the bytes really are (by their signature), or null when they are none of the allowed ones. */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}
