import { ZSignUpInput } from "@/server/accounts/account.schema";
import { getAccount, signUp } from "@/server/accounts/account.service";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "@/server/trpc/init";

export const accountRouter = createTRPCRouter({
  signUp: publicProcedure.input(ZSignUpInput).mutation(({ ctx, input }) => signUp(ctx.db, input)),
  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.db, ctx.actor)),
});
