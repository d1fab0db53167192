import type { Metadata } from "next";
import { getT } from "@/components/i18n/server";
import { DepartmentsManager } from "@/components/org/departments-manager";
import { AdminOnlyNotice } from "@/components/studio/settings/admin-only-notice";
import { Card, CardContent } from "@/components/ui/card";
import { getCurrentActor } from "@/server/auth/current-actor";
import { can } from "@/server/principal/permissions";
import { getDatabase } from "@/server/db";
import { listDepartments } from "@/server/orgs/departments.service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("org.departments.title") };
}

export default async function DepartmentsPage() {
  const [t, actor] = await Promise.all([getT(), getCurrentActor()]);
  if (!actor || !can(actor.role, "org.members.manage")) return <AdminOnlyNotice />;
  const departments = await listDepartments((await getDatabase()).db, actor);
  return (
    <>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("org.departments.title")}</h1>
        <p className="text-slate-700">{t("org.departments.lead")}</p>
      </div>
      <Card>
        <CardContent>
          <DepartmentsManager initial={departments} />
        </CardContent>
      </Card>
    </>
  );
}
