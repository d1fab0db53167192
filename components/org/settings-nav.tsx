import { getT } from "@/components/i18n/server";
import type { MessageKey } from "@/server/i18n/messages";
import { NavLink } from "@/components/shell/nav-link";

/** The settings pages, in order; add a line for a new settings page. */
const SECTIONS: { href: string; label: MessageKey }[] = [
  { href: "/studio/settings", label: "org.settingsNav.crisis" },
  { href: "/studio/settings/members", label: "org.settingsNav.members" },
  { href: "/studio/settings/departments", label: "org.settingsNav.departments" },
  { href: "/studio/settings/knowledge", label: "corpora.nav" },
  { href: "/studio/settings/brand", label: "org.settingsNav.brand" },
  { href: "/studio/settings/widget", label: "widget.settings.nav" },
  { href: "/studio/settings/api-keys", label: "apiKeys.nav" },
];

/** Navigation between the organization's settings pages (the current one is marked with aria-current). */
export async function SettingsNav() {
  const t = await getT();
  return (
    <nav aria-label={t("org.settingsNav.label")} className="border-b border-slate-200 pb-2">
      <ul className="-mx-2.5 flex flex-wrap gap-1 text-sm">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <NavLink href={s.href}>{t(s.label)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
