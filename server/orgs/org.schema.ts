import { z } from "zod";
import { ZEmail } from "@/server/accounts/account.schema";
import { ROLES } from "@/server/principal/permissions";
import { contrastWithWhite, HEX_COLOR, MIN_CONTRAST } from "./brand";

const ZId = z.string().trim().min(1).max(100);
const ZRole = z.enum(ROLES, "Choose a role: admin, doctor, reviewer or on-call.");
/** An optional department: null (or an empty choice) means organization-wide. */
const ZDepartmentRef = z.preprocess((v) => (v === "" ? null : v), ZId.nullable()).default(null);

export const ZDepartmentInput = z.object({
  name: z.string().trim().min(1, "Enter the department's name.").max(80, "Keep the name under 80 characters."),
  description: z.string().trim().max(500, "Keep the description under 500 characters.").default(""),
});
export const ZDepartmentUpdate = ZDepartmentInput.extend({ departmentId: ZId });
export const ZDepartmentId = z.object({ departmentId: ZId });

export const ZInviteInput = z.object({ email: ZEmail, role: ZRole, departmentId: ZDepartmentRef });
export const ZInvitationId = z.object({ invitationId: ZId });
/** The secret part of an invitation link (base64url of 32 random bytes). */
export const ZInviteToken = z.string().trim().regex(/^[A-Za-z0-9_-]{20,100}$/, "This invitation link is malformed.");

export const ZMemberUpdate = z.object({ userId: ZId, role: ZRole, departmentId: ZDepartmentRef });
export const ZMemberId = z.object({ userId: ZId });

const ZBrandColor = (label: string) =>
  z
    .string()
    .trim()
    .regex(HEX_COLOR, `${label} must be a hex colour like #0f766e.`)
    .superRefine((hex, ctx) => {
      const ratio = contrastWithWhite(hex);
      if (ratio < MIN_CONTRAST) {
        ctx.addIssue({ code: "custom", message: `${label} ${hex} is too light for white text (contrast ${ratio.toFixed(2)}:1, needs ${MIN_CONTRAST}:1). Choose a darker shade.` });
      }
    });

export const ZBrandInput = z.object({
  name: z.string().trim().min(1, "Enter the organization's name.").max(120, "Keep the name under 120 characters."),
  description: z.string().trim().max(600, "Keep the description under 600 characters.").default(""),
  brandColor: ZBrandColor("The brand colour"),
  accentColor: ZBrandColor("The accent colour"),
});
export type TBrandInput = z.infer<typeof ZBrandInput>;

/** A logo as base64 (the type is read from the bytes, not trusted from the client). */
export const ZLogoInput = z.object({ dataBase64: z.string().min(1, "Choose an image file.").max(800_000, "The logo is too large (at most 512 KB).") });

/** The invitation as the settings page sends it: linkBase is the site's address the link is built on. */
export const ZInviteRequest = ZInviteInput.extend({ linkBase: z.url("The site address is not a valid URL.").max(300) });
