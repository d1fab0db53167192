import { z } from "zod";

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address."));

export const ZSignUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: ZEmail,
  password: z.string().min(8, "Use at least 8 characters.").max(200),
  locale: z.enum(["zh-CN", "en"]).default("en"),
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZSignInInput = z.object({ email: ZEmail, password: z.string().min(1).max(200) });
