import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { getLocale, getT } from "@/components/i18n/server";
import { Button } from "@/components/ui/button";
import { auth } from "@/server/auth";
import { getCurrentActor, getCurrentOrganizations } from "@/server/auth/current-actor";
import { can } from "@/server/principal/permissions";
import { OrgSwitcher } from "@/components/org/org-switcher";
import { BrandMark } from "./brand-mark";
import { LanguageSwitcher } from "./language-switcher";
import { NavLink } from "./nav-link";

/** The one header of every page: brand, navigation, language and account. */
export async function SiteHeader() {
  const [t, locale, session, actor, orgs] = await Promise.all([getT(), getLocale(), auth(), getCurrentActor(), getCurrentOrganizations()]);
  const signedIn = Boolean(session?.user?.id);
  const isAdmin = actor !== null && can(actor.role, "org.manage");
  const canReview = actor !== null && can(actor.role, "publish.review");
  const canSeeAnalytics = actor !== null && (can(actor.role, "analytics.read.any") || can(actor.role, "avatar.edit.own"));
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:font-medium focus:text-brand-800 focus:shadow"
      >
        {t("nav.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:py-3">
          <Link href="/" className="flex min-h-11 items-center gap-2 rounded-lg text-brand-800">
            <BrandMark />
            <span className="text-lg font-semibold tracking-tight">{t("app.name")}</span>
          </Link>
          <nav aria-label={t("nav.label")} className="order-last w-full sm:order-none sm:w-auto">
            <ul className="-mx-2.5 flex flex-wrap gap-1 text-sm sm:mx-0">
              <li>
                <NavLink href="/">{t("nav.directory")}</NavLink>
              </li>
              <li>
                <NavLink href="/me">{t("nav.myConversations")}</NavLink>
              </li>
              {/* Studio links are for members; a patient account (no organization) has none. */}
              {actor ? (
                <>
                  <li>
                    <NavLink href="/studio">{t("nav.studio")}</NavLink>
                  </li>
                  <li>
                    <NavLink href="/studio/inbox">{t("nav.inbox")}</NavLink>
                  </li>
                  {canSeeAnalytics ? (
                    <li>
                      <NavLink href="/studio/analytics">{t("nav.analytics")}</NavLink>
                    </li>
                  ) : null}
                  {canReview ? (
                    <li>
                      <NavLink href="/studio/reviews">{t("nav.reviews")}</NavLink>
                    </li>
                  ) : null}
                  {isAdmin ? (
                    <>
                      <li>
                        <NavLink href="/studio/audit">{t("nav.audit")}</NavLink>
                      </li>
                      <li>
                        <NavLink href="/studio/settings">{t("nav.settings")}</NavLink>
                      </li>
                    </>
                  ) : null}
                </>
              ) : (
                <li>
                  <NavLink href="/signup">{t("nav.forDoctors")}</NavLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <LanguageSwitcher current={locale} />
            {actor ? <OrgSwitcher actor={actor} orgs={orgs} /> : null}
            {signedIn ? (
              <form action={signOutAction}>
                <Button type="submit" variant="ghost" size="sm">
                  {t("nav.signOut")}
                </Button>
              </form>
            ) : (
              <Button asChild variant="secondary" size="sm">
                <Link href="/login">{t("nav.signIn")}</Link>
              </Button>
            )}
          </div>
        </div>
      </header>
    </>
  );
}
