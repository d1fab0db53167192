import NextAuth, { type DefaultSession } from "next-auth";
import { getDatabase } from "@/server/db";
import { getConfig } from "@/server/env";
import { authConfig } from "./config";
import { getAuthSecret } from "./secret";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

// Lazy config: the secret and database are only touched at request time, never during `next build`.
export const { handlers, auth, signIn, signOut } = NextAuth(() =>
  authConfig({ secret: getAuthSecret(), config: getConfig(), getDb: async () => (await getDatabase()).db }),
);
