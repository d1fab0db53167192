import { z } from "zod";

export const REGIONS = ["CN", "US", "UK", "INTL"] as const;

export const ZAvatarProfile = z.object({
  name: z.string().trim().min(1, "Enter the avatar's name.").max(80),
  title: z.string().trim().max(120).default(""),
  specialty: z.string().trim().max(120).default(""),
  bio: z.string().trim().max(2000).default(""),
  greeting: z.string().trim().max(500).default(""),
  language: z.enum(["zh-CN", "en"]).default("zh-CN"),
  disclaimer: z.string().trim().max(1000).default(""),
  region: z.enum(REGIONS).default("CN"),
});
export type TAvatarProfile = z.infer<typeof ZAvatarProfile>;

export const ZAvatarId = z.object({ avatarId: z.string().min(1).max(64) });
export const ZUpdateAvatarInput = ZAvatarId.extend({ profile: ZAvatarProfile });
export const ZDirectoryInput = z.object({ query: z.string().trim().max(100).optional() }).optional();
