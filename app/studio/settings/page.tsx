import type { Metadata } from "next";
import { getT } from "@/components/i18n/server";
import { AdminOnlyNotice } from "@/components/studio/settings/admin-only-notice";
import { CrisisSettingsForm } from "@/components/studio/settings/crisis-settings-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getCurrentActor } from "@/server/auth/current-actor";
import { can } from "@/server/principal/permissions";
import { getDatabase } from "@/server/db";
import { getConfig } from "@/server/env";
import { getCrisisSettings } from "@/server/orgs/crisis-settings.service";
import { GovernanceSettingsForm } from "@/components/studio/governance/governance-settings-form";
import { DepartmentRoutes } from "@/components/studio/routing/department-routes";
import { OnCallSchedule } from "@/components/studio/routing/on-call-schedule";
import { getGovernanceSettings } from "@/server/governance/governance-settings.service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("settings.title") };
}

/** The organization's settings, for its administrators; other members are told who can change them. */
export default async function SettingsPage() {
  const [t, actor] = await Promise.all([getT(), getCurrentActor()]);
  const isAdmin = actor !== null && can(actor.role, "org.manage");
  const db = (await getDatabase()).db;
  const [settings, governance] = isAdmin ? await Promise.all([getCrisisSettings(db, actor), getGovernanceSettings(db, actor)]) : [null, null];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("settings.title")}</h1>
        <p className="text-slate-700">{t("settings.lead")}</p>
      </div>
      {settings ? (
        <Card>
          <CardHeader>
            <CardTitle id="crisis-routing">{t("settings.crisis.title")}</CardTitle>
            <CardDescription>{t("settings.crisis.lead")}</CardDescription>
          </CardHeader>
          <CardContent>
            <CrisisSettingsForm initial={settings} emailReady={Boolean(getConfig().SMTP_URL)} labelledBy="crisis-routing" />
          </CardContent>
        </Card>
      ) : null}
      {isAdmin ? (
        <>
          <Card>
            <CardHeader>
              <CardTitle id="on-call">{t("routing.oncall.title")}</CardTitle>
              <CardDescription>{t("routing.oncall.lead")}</CardDescription>
            </CardHeader>
            <CardContent>
              <OnCallSchedule />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle id="department-routing">{t("routing.dept.title")}</CardTitle>
              <CardDescription>{t("routing.dept.lead")}</CardDescription>
            </CardHeader>
            <CardContent>
              <DepartmentRoutes />
            </CardContent>
          </Card>
        </>
      ) : null}
      {governance ? (
        <Card>
          <CardHeader>
            <CardTitle id="governance">{t("governance.settings.title")}</CardTitle>
            <CardDescription>{t("governance.settings.lead")}</CardDescription>
          </CardHeader>
          <CardContent>
            <GovernanceSettingsForm initial={governance} />
          </CardContent>
        </Card>
      ) : null}
      {isAdmin ? null : (
        <AdminOnlyNotice />
      )}
    </div>
  );
}
