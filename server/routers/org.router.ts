import { z } from "zod";
import { ZCrisisSettingsInput } from "@/server/orgs/crisis-settings.schema";
import { updateCrisisSettings } from "@/server/orgs/crisis-settings.service";
import { sendTestCrisisAlert } from "@/server/orgs/crisis-test-alert.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";
import { getBrand, removeLogo, setLogo, updateBrand } from "@/server/orgs/brand.service";
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from "@/server/orgs/departments.service";
import { createInvitation, listInvitations, revokeInvitation } from "@/server/orgs/invitations.service";
import { listMembers, removeMember, updateMember } from "@/server/orgs/members.service";
import { ZBrandInput, ZDepartmentId, ZDepartmentInput, ZDepartmentUpdate, ZInvitationId, ZInviteRequest, ZLogoInput, ZMemberId, ZMemberUpdate } from "@/server/orgs/org.schema";
import { getNotifyTransports } from "@/server/safety/notify/transports";

export const orgRouter = createTRPCRouter({
  updateCrisisSettings: protectedProcedure.input(ZCrisisSettingsInput).mutation(({ ctx, input }) => updateCrisisSettings(ctx.db, ctx.actor, input)),
  /** Sends a test alert to the saved webhook or robot (the organization's, or a department's) and returns its answer. */
  sendTestCrisisAlert: protectedProcedure
    .input(z.object({ departmentId: z.string().min(1).max(100).nullable().default(null) }))
    .mutation(({ ctx, input }) => sendTestCrisisAlert(ctx.db, ctx.actor, input, getNotifyTransports())),
  members: protectedProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.actor)),
  updateMember: protectedProcedure.input(ZMemberUpdate).mutation(({ ctx, input }) => updateMember(ctx.db, ctx.actor, input)),
  removeMember: protectedProcedure.input(ZMemberId).mutation(({ ctx, input }) => removeMember(ctx.db, ctx.actor, input.userId)),
  invitations: protectedProcedure.query(({ ctx }) => listInvitations(ctx.db, ctx.actor)),
  invite: protectedProcedure
    .input(ZInviteRequest)
    .mutation(({ ctx, input: { linkBase, ...input } }) => createInvitation(ctx.db, ctx.actor, input, { sendMail: getNotifyTransports().sendMail, linkBase })),
  revokeInvitation: protectedProcedure.input(ZInvitationId).mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input.invitationId)),
  departments: protectedProcedure.query(({ ctx }) => listDepartments(ctx.db, ctx.actor)),
  createDepartment: protectedProcedure.input(ZDepartmentInput).mutation(({ ctx, input }) => createDepartment(ctx.db, ctx.actor, input)),
  updateDepartment: protectedProcedure.input(ZDepartmentUpdate).mutation(({ ctx, input }) => updateDepartment(ctx.db, ctx.actor, input)),
  deleteDepartment: protectedProcedure.input(ZDepartmentId).mutation(({ ctx, input }) => deleteDepartment(ctx.db, ctx.actor, input.departmentId)),
  brand: protectedProcedure.query(({ ctx }) => getBrand(ctx.db, ctx.actor)),
  updateBrand: protectedProcedure.input(ZBrandInput).mutation(({ ctx, input }) => updateBrand(ctx.db, ctx.actor, input)),
  setLogo: protectedProcedure.input(ZLogoInput).mutation(({ ctx, input }) => setLogo(ctx.db, ctx.actor, input)),
  removeLogo: protectedProcedure.mutation(({ ctx }) => removeLogo(ctx.db, ctx.actor)),
});
