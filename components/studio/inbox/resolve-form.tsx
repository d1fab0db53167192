"use client";

import { useMutation } from "@tanstack/react-query";
import { CircleCheck } from "lucide-react";
import { useId } from "react";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";

/** Closing an escalation needs a note of what was done: the record a reviewer will read later. */
export function ResolveForm({ escalationId, onResolved }: { escalationId: string; onResolved: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const resolve = useMutation(trpc.escalation.resolve.mutationOptions({ onSuccess: onResolved }));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const note = String(new FormData(event.currentTarget).get("note") ?? "");
        resolve.mutate({ escalationId, note });
      }}
      className="flex flex-col gap-2"
      aria-busy={resolve.isPending}
    >
      <Field label={t("inbox.resolve.note")} htmlFor={`${id}-note`} hint={t("inbox.resolve.hint")}>
        <Textarea id={`${id}-note`} name="note" required maxLength={2000} rows={2} aria-describedby={`${id}-note-hint`} />
      </Field>
      {resolve.isError ? (
        <Alert tone="danger" role="alert">
          {resolve.error.message}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" variant="secondary" disabled={resolve.isPending}>
          {resolve.isPending ? <Spinner /> : <CircleCheck aria-hidden />}
          {t("inbox.resolve.submit")}
        </Button>
      </div>
    </form>
  );
}
