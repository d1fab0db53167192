import type { Metadata } from "next";
import { getT } from "@/components/i18n/server";
import { InviteForm } from "@/components/org/invite-form";
import { MembersManager } from "@/components/org/members-manager";
import { AdminOnlyNotice } from "@/components/studio/settings/admin-only-notice";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getCurrentActor } from "@/server/auth/current-actor";
import { can } from "@/server/principal/permissions";
import { getDatabase } from "@/server/db";
import { listDepartments } from "@/server/orgs/departments.service";
import { listInvitations } from "@/server/orgs/invitations.service";
import { listMembers } from "@/server/orgs/members.service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("org.members.title") };
}

/** Members of the organization and invitations, for its administrators. */
export default async function MembersPage() {
  const [t, actor] = await Promise.all([getT(), getCurrentActor()]);
  if (!actor || !can(actor.role, "org.members.manage")) return <AdminOnlyNotice />;
  const { db } = await getDatabase();
  const [members, departments, invitations] = await Promise.all([listMembers(db, actor), listDepartments(db, actor), listInvitations(db, actor)]);
  return (
    <>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("org.members.title")}</h1>
        <p className="text-slate-700">{t("org.members.lead")}</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("org.invite.title")}</CardTitle>
          <CardDescription>{t("org.invite.lead")}</CardDescription>
        </CardHeader>
        <CardContent>
          <InviteForm departments={departments} initial={invitations} />
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <MembersManager initial={members} departments={departments} selfId={actor.userId} />
        </CardContent>
      </Card>
    </>
  );
}
