"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useT } from "@/components/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";

/**
 * A studio query's loading and error states, so every panel announces them the same way; the data goes
 * to `children`, or `empty` is shown instead when `isEmpty` says there is nothing to list.
 */
export function QueryState<T>({
  query,
  errorText,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T, { message: string }>;
  /** Says what failed; the server's message follows it. */
  errorText: string;
  isEmpty?: (data: T) => boolean;
  empty?: React.ReactNode;
  children: (data: T) => React.ReactNode;
}) {
  const t = useT();
  if (query.isPending) {
    return (
      <p className="flex items-center gap-2 text-sm text-slate-700" role="status">
        <Spinner /> {t("common.loading")}
      </p>
    );
  }
  if (query.isError) {
    return (
      <Alert tone="danger" role="alert">
        {errorText} {query.error.message}
      </Alert>
    );
  }
  return isEmpty?.(query.data) ? empty : children(query.data);
}
