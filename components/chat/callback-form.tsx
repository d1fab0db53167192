"use client";

import { useMutation } from "@tanstack/react-query";
import { PhoneCall } from "lucide-react";
import { useId } from "react";
import { useT } from "@/components/i18n/client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { requestCallback } from "./request-callback";

/** Lets a patient in crisis leave a number for the doctor's team; the emergency numbers stay first. */
export function CallbackForm({ conversationId }: { conversationId: string }) {
  const t = useT();
  const id = useId();
  const callback = useMutation({ mutationFn: (phone: string) => requestCallback(conversationId, phone) });

  if (callback.isSuccess) {
    return (
      <p role="status" className="rounded-lg bg-white px-3 py-2 text-sm font-medium text-slate-900" data-testid="callback-done">
        {t("chat.callback.done")}
      </p>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        callback.mutate(String(new FormData(event.currentTarget).get("phone") ?? ""));
      }}
      className="flex flex-col gap-1.5 rounded-lg bg-white p-3"
      aria-busy={callback.isPending}
    >
      <Label htmlFor={`${id}-phone`}>{t("chat.callback.label")}</Label>
      <p id={`${id}-hint`} className="text-xs text-slate-700">
        {t("chat.callback.hint")}
      </p>
      <div className="flex gap-2">
        <Input id={`${id}-phone`} name="phone" type="tel" autoComplete="tel" inputMode="tel" required maxLength={24} aria-describedby={`${id}-hint`} />
        <Button type="submit" variant="secondary" disabled={callback.isPending} className="shrink-0">
          {callback.isPending ? <Spinner /> : <PhoneCall aria-hidden />}
          {t("chat.callback.submit")}
        </Button>
      </div>
      {callback.isError ? (
        <p role="alert" className="text-sm text-crisis-700">
          {callback.error.message}
        </p>
      ) : null}
    </form>
  );
}
