"use client";

import { useT } from "@/components/i18n/client";
import type { RouterOutputs } from "@/components/trpc/react";
import { Badge } from "@/components/ui/badge";

export type StudioDocument = RouterOutputs["knowledge"]["documents"][number];

export const isInProgress = (d: Pick<StudioDocument, "status">) => d.status === "queued" || d.status === "processing";

/** The document, or its pending new version, is still being processed (the list keeps polling). */
export const hasWorkInProgress = (d: Pick<StudioDocument, "status" | "replacement">) => isInProgress(d) || (d.replacement !== null && isInProgress(d.replacement));

const TONE = { queued: "neutral", processing: "brand", ready: "success", failed: "danger" } as const;

export function DocumentStatusBadge({ status }: { status: StudioDocument["status"] }) {
  const t = useT();
  return (
    <Badge tone={TONE[status]} data-testid="document-status">
      {t(`knowledge.status.${status}`)}
    </Badge>
  );
}
