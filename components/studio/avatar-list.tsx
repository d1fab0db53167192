"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronRight, UserRoundPlus } from "lucide-react";
import Link from "next/link";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { PublishedBadge } from "./published-badge";

export function AvatarList() {
  const t = useT();
  const trpc = useTRPC();
  const avatars = useQuery(trpc.avatar.list.queryOptions());

  if (avatars.isPending) return <Spinner label={t("common.loading")} />;
  if (avatars.isError) {
    return (
      <Alert tone="danger" role="alert">
        {avatars.error.message}
      </Alert>
    );
  }
  if (avatars.data.length === 0) {
    return <EmptyState icon={UserRoundPlus} title={t("studio.avatars.empty.title")} description={t("studio.avatars.empty.body")} />;
  }
  return (
    <ul className="flex flex-col divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
      {avatars.data.map((a) => (
        <li key={a.id}>
          <Link href={`/studio/avatars/${a.id}`} className="flex items-center gap-3 px-4 py-3 hover:bg-slate-50">
            <span className="min-w-0 flex-1">
              <span className="block font-medium text-slate-900">{a.name}</span>
              {a.title || a.specialty ? <span className="block text-sm text-slate-700">{[a.title, a.specialty].filter(Boolean).join(" · ")}</span> : null}
            </span>
            <PublishedBadge published={Boolean(a.publishedVersionId)} />
            <ChevronRight aria-hidden className="size-4 shrink-0 text-slate-600" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
