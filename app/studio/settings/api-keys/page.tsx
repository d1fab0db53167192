import type { Metadata } from "next";
import { getT } from "@/components/i18n/server";
import { AdminOnlyNotice } from "@/components/studio/settings/admin-only-notice";
import { Card, CardContent } from "@/components/ui/card";
import { ApiKeysManager } from "@/components/widget/api-keys-manager";
import { getCurrentActor } from "@/server/auth/current-actor";
import { can } from "@/server/principal/permissions";
import { requestOrigin } from "@/server/widget/app-origin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("apiKeys.title") };
}

const ENDPOINTS = [
  ["GET", "/api/v1/avatars", "avatars:read"],
  ["POST", "/api/v1/conversations  { \"avatar\": \"<slug>\" }", "conversations:write"],
  ["POST", "/api/v1/conversations/<id>/messages  { \"message\": \"…\" }", "conversations:write"],
  ["GET", "/api/v1/escalations?status=open&limit=50", "escalations:read"],
] as const;

/** The organization's API keys, and the endpoints they open. */
export default async function ApiKeysPage() {
  const [t, actor] = await Promise.all([getT(), getCurrentActor()]);
  if (!actor || !can(actor.role, "apiKey.manage")) return <AdminOnlyNotice />;
  const origin = await requestOrigin();
  return (
    <>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("apiKeys.title")}</h1>
        <p className="text-slate-700">{t("apiKeys.lead")}</p>
      </div>
      <Card>
        <CardContent>
          <ApiKeysManager />
        </CardContent>
      </Card>
      <Card>
        <CardContent className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold text-slate-900">{t("apiKeys.docs.title")}</h2>
          <p className="text-sm text-slate-700">{t("apiKeys.docs.lead")}</p>
          <pre tabIndex={0} role="region" aria-label={t("apiKeys.docs.title")} className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-50">
            <code>{ENDPOINTS.map(([method, path, scope]) => `${method.padEnd(5)}${origin}${path}   (${scope})`).join("\n")}</code>
          </pre>
        </CardContent>
      </Card>
    </>
  );
}
