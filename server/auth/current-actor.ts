import { cookies } from "next/headers";
import { cache } from "react";
import { resolveStaff } from "@/server/accounts/account.service";
import { getDatabase } from "@/server/db";
import { listMyOrganizations, type MyOrganization } from "@/server/orgs/members.service";
import type { Principal } from "@/server/principal/principal";
import { auth } from "./index";

/** Cookie naming the organization a member of several acts in. */
export const ACTIVE_ORG_COOKIE = "fenshen_org";

/** The signed-in member as server components see them (the same actor tRPC resolves), once per request. */
export const getCurrentActor = cache(async (): Promise<Principal<"staff"> | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const { db } = await getDatabase();
  return resolveStaff(db, session.user.id, (await cookies()).get(ACTIVE_ORG_COOKIE)?.value);
});

/** The organizations the signed-in member belongs to, for the header's switcher; none for a patient. */
export const getCurrentOrganizations = cache(async (): Promise<MyOrganization[]> => {
  const actor = await getCurrentActor();
  if (!actor) return [];
  const { db } = await getDatabase();
  return listMyOrganizations(db, actor);
});
