"use client";

import { useT } from "@/components/i18n/client";
import type { RouterOutputs } from "@/components/trpc/react";
import { Badge } from "@/components/ui/badge";

export type StudioDocument = RouterOutputs["knowledge"]["documents"][number];

export const isInProgress = (d: Pick<StudioDocument, "status">) => d.status === "queued" || d.status === "processing";

const TONE = { queued: "neutral", processing: "brand", ready: "success", failed: "danger" } as const;

export function DocumentStatusBadge({ status }: { status: StudioDocument["status"] }) {
  const t = useT();
  return (
    <Badge tone={TONE[status]} data-testid="document-status">
      {t(`knowledge.status.${status}`)}
    </Badge>
  );
}
