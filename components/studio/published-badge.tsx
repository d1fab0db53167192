"use client";

import { useT } from "@/components/i18n/client";
import { Badge } from "@/components/ui/badge";

export function PublishedBadge({ published }: { published: boolean }) {
  const t = useT();
  return <Badge tone={published ? "success" : "neutral"}>{published ? t("studio.status.published") : t("studio.status.draft")}</Badge>;
}
