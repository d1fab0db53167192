import { ExternalLink } from "lucide-react";
import { getT } from "@/components/i18n/server";
import { Alert } from "@/components/ui/alert";

/** Shown instead of the chat when the page is not framed by an allowed site (or opened on its own). */
export async function EmbedRefused({ origin, fullPageHref }: { origin: string | null; fullPageHref: string }) {
  const t = await getT();
  return (
    <Alert tone="warning" title={t("widget.embed.refused.title")} data-testid="embed-refused">
      <p>{origin ? t("widget.embed.refused.origin", { origin }) : t("widget.embed.refused.unknown")}</p>
      <p className="mt-1">{t("widget.embed.refused.hint")}</p>
      <a href={fullPageHref} target="_blank" rel="noopener" className="mt-2 inline-flex items-center gap-1 font-medium underline underline-offset-4">
        {t("widget.embed.fullPage")}
        <ExternalLink aria-hidden className="size-4" />
      </a>
    </Alert>
  );
}
