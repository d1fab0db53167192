import { switchOrgAction } from "@/app/(auth)/org-actions";
import { getT } from "@/components/i18n/server";
import { Button } from "@/components/ui/button";
import type { Principal } from "@/server/principal/principal";
import type { MyOrganization } from "@/server/orgs/members.service";

/** Names the organization the member acts in, and lets a member of several choose another. */
export async function OrgSwitcher({ actor, orgs }: { actor: Principal<"staff">; orgs: MyOrganization[] }) {
  const t = await getT();
  if (orgs.length === 0) return null;
  if (orgs.length === 1) {
    return (
      <p className="hidden max-w-48 truncate text-sm text-slate-700 sm:block" data-testid="current-org">
        <span className="sr-only">{t("org.switcher.label")}: </span>
        {orgs[0]!.name}
      </p>
    );
  }
  return (
    <form action={switchOrgAction} className="flex items-center gap-1" data-testid="org-switcher">
      <label htmlFor="org-switcher" className="sr-only">
        {t("org.switcher.label")}
      </label>
      <select
        id="org-switcher"
        name="orgId"
        defaultValue={actor.orgId}
        className="min-h-9 max-w-44 truncate rounded-lg border border-slate-300 bg-white px-2 text-sm text-slate-900"
      >
        {orgs.map((o) => (
          <option key={o.orgId} value={o.orgId}>
            {o.name}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" size="sm">
        {t("org.switcher.submit")}
      </Button>
    </form>
  );
}
