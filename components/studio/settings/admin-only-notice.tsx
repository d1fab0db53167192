import { ShieldAlert } from "lucide-react";
import { getT } from "@/components/i18n/server";

/** What members without the admin role see when they open the settings address. */
export async function AdminOnlyNotice() {
  const t = await getT();
  return (
    <div className="flex flex-col items-start gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:p-6" data-testid="admin-only">
      <ShieldAlert aria-hidden className="size-8 text-slate-600" />
      <h2 className="text-lg font-semibold text-slate-900">{t("settings.adminOnly.title")}</h2>
      <p className="text-slate-700">{t("settings.adminOnly.body")}</p>
    </div>
  );
}
