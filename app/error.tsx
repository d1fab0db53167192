"use client";

import { CircleAlert } from "lucide-react";
import { useEffect } from "react";
import { useT } from "@/components/i18n/client";
import { Button } from "@/components/ui/button";

/** Shown when a page fails to render; the details stay in the server log (error.digest links them). */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useT();
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-xl flex-col items-start justify-center gap-4 px-4 py-10">
      <CircleAlert aria-hidden className="size-10 text-crisis-600" />
      <h1 className="text-2xl font-semibold text-slate-900">{t("error.title")}</h1>
      <p className="text-slate-700">{t("error.body")}</p>
      {digest ? <p className="text-xs text-slate-600">{t("error.reference", { digest })}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => retry()}>{t("error.retry")}</Button>
        <Button asChild variant="secondary">
          {/* A full page load, not client navigation: the app state may be what broke. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
          <a href="/">{t("notFound.home")}</a>
        </Button>
      </div>
    </main>
  );
}
