import { SearchX } from "lucide-react";
import Link from "next/link";
import { getT } from "@/components/i18n/server";
import { Button } from "@/components/ui/button";

/** The body of every 404; the surrounding layout (or the root not-found page) supplies the shell. */
export async function NotFoundMessage() {
  const t = await getT();
  return (
    <div className="mx-auto flex max-w-xl flex-col items-start gap-4 py-8">
      <SearchX aria-hidden className="size-10 text-slate-500" />
      <h1 className="text-2xl font-semibold text-slate-900">{t("notFound.title")}</h1>
      <p className="text-slate-700">{t("notFound.body")}</p>
      <Button asChild>
        <Link href="/">{t("notFound.home")}</Link>
      </Button>
    </div>
  );
}
