import type { Metadata } from "next";
import { getT } from "@/components/i18n/server";
import { AdminOnlyNotice } from "@/components/studio/settings/admin-only-notice";
import { Card, CardContent } from "@/components/ui/card";
import { WidgetSettingsForm } from "@/components/widget/widget-settings-form";
import { getCurrentActor } from "@/server/auth/current-actor";
import { can } from "@/server/principal/permissions";
import { getDatabase } from "@/server/db";
import { requestOrigin } from "@/server/widget/app-origin";
import { getWidgetSettings } from "@/server/widget/widget.service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("widget.settings.title") };
}

/** Which sites may embed the chat widget, its rate limit, and the code to paste. */
export default async function WidgetSettingsPage() {
  const [t, actor] = await Promise.all([getT(), getCurrentActor()]);
  if (!actor || !can(actor.role, "widget.manage")) return <AdminOnlyNotice />;
  const [settings, appOrigin] = await Promise.all([getWidgetSettings((await getDatabase()).db, actor), requestOrigin()]);
  return (
    <>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("widget.settings.title")}</h1>
        <p className="text-slate-700">{t("widget.settings.lead")}</p>
      </div>
      <Card>
        <CardContent>
          <WidgetSettingsForm initial={settings} appOrigin={appOrigin} />
        </CardContent>
      </Card>
    </>
  );
}
