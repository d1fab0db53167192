import { getT } from "@/components/i18n/server";
import { cn } from "@/components/ui/cn";
import { SiteHeader } from "./site-header";

/** Header, the page's one <main> (target of the skip link) and the footer. */
export async function SiteShell({ children, className }: { children: React.ReactNode; className?: string }) {
  const t = await getT();
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main id="main" tabIndex={-1} className={cn("mx-auto w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none sm:py-10", className)}>
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <p className="mx-auto max-w-5xl px-4 py-4 text-xs leading-relaxed text-slate-600">{t("footer.notice")}</p>
      </footer>
    </div>
  );
}
