"use client";

import { Bot } from "lucide-react";
import { useT } from "@/components/i18n/client";
import { Badge } from "@/components/ui/badge";

export function AiBadge() {
  const t = useT();
  return (
    <Badge tone="brand">
      <Bot aria-hidden />
      {t("chat.aiBadge")}
    </Badge>
  );
}
