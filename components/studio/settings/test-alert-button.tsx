"use client";

import { useMutation } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

type Result = RouterOutputs["org"]["sendTestCrisisAlert"][number];

/** The destination's answer in the admin's language; the platform's own code and message are shown as it sent them. */
function useResultText() {
  const t = useT();
  return (result: Result): string => {
    const platform = t(`dest.platform.${result.kind}`);
    if (result.ok) return t("dest.test.ok", { platform });
    if (result.failure === "refused") return t("dest.test.refused", { message: result.message });
    if (result.failure === "no_smtp") return t("dest.test.noSmtp");
    if (result.failure === "unreachable") return t("dest.test.unreachable", { platform, message: result.message });
    if (result.platformCode) return t("dest.test.platformError", { platform, code: result.platformCode, message: result.platformMessage ?? "" });
    return result.platformMessage
      ? t("dest.test.httpErrorDetail", { platform, status: result.httpStatus ?? 0, message: result.platformMessage })
      : t("dest.test.httpError", { platform, status: result.httpStatus ?? 0 });
  };
}

/** Sends a test alert to each saved destination (the organization's, or a department's) and shows each one's answer. */
export function TestAlertButton({ departmentId, disabled }: { departmentId: string | null; disabled: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const send = useMutation(trpc.org.sendTestCrisisAlert.mutationOptions());
  const text = useResultText();

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" disabled={disabled || send.isPending} onClick={() => send.mutate({ departmentId })} data-testid="send-test-alert">
          {send.isPending ? <Spinner /> : <Send aria-hidden />}
          {send.isPending ? t("dest.test.sending") : t("dest.test")}
        </Button>
        <p className="text-sm text-slate-700">{t("dest.test.hint")}</p>
      </div>
      {send.data?.map((result) =>
        result.ok ? (
          <Alert key={result.kind} tone="success" role="status" data-testid="test-alert-result">
            {text(result)}
          </Alert>
        ) : (
          <Alert key={result.kind} tone="danger" role="alert" title={t("dest.test.failed")} data-testid="test-alert-result">
            {text(result)}
          </Alert>
        ),
      )}
      {send.error ? (
        <Alert tone="danger" role="alert" title={t("dest.test.failed")} data-testid="test-alert-result">
          {send.error.data?.code === "TOO_MANY_REQUESTS" ? t("dest.test.tooMany") : send.error.message}
        </Alert>
      ) : null}
    </div>
  );
}
