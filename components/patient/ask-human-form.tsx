"use client";

import { useMutation } from "@tanstack/react-query";
import { UserRoundCheck } from "lucide-react";
import { useId, useState } from "react";
import { askHumanDoctor, PatientApiError } from "@/components/chat/patient-api";
import { useT } from "@/components/i18n/client";
import { rateLimitedMessage } from "@/components/i18n/wait";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";

/** "Ask a human doctor": a phone or e-mail (checked by the server, which names what is wrong) and a note. */
export function AskHumanForm({ conversationId }: { conversationId: string }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const request = useMutation({ mutationFn: (body: { contact: string; note?: string }) => askHumanDoctor(conversationId, body) });

  if (request.isSuccess) {
    return (
      <Alert tone="success" role="status" data-testid="follow-up-done">
        {t("patient.followUp.done", { contact: request.variables.contact })}
      </Alert>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <Button variant="secondary" aria-expanded={open} aria-controls={`${id}-form`} onClick={() => setOpen((o) => !o)} className="self-start">
        <UserRoundCheck aria-hidden />
        {t("patient.followUp.open")}
      </Button>
      <form
        id={`${id}-form`}
        hidden={!open}
        aria-labelledby={`${id}-title`}
        aria-busy={request.isPending}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const note = String(data.get("note") ?? "").trim();
          request.mutate({ contact: String(data.get("contact") ?? "").trim(), note: note || undefined });
        }}
        className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4"
      >
        <h3 id={`${id}-title`} className="font-semibold text-slate-900">
          {t("patient.followUp.title")}
        </h3>
        <p id={`${id}-lead`} className="text-sm leading-relaxed text-slate-700">
          {t("patient.followUp.lead")}
        </p>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-contact`}>{t("patient.followUp.contact")}</Label>
          <Input
            id={`${id}-contact`}
            name="contact"
            required
            maxLength={200}
            autoComplete="email tel"
            aria-describedby={`${id}-lead${request.isError ? ` ${id}-error` : ""}`}
            aria-invalid={request.isError || undefined}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-note`}>{t("patient.followUp.note")}</Label>
          <Textarea id={`${id}-note`} name="note" maxLength={1000} rows={3} />
        </div>
        {request.isError ? (
          <p id={`${id}-error`} role="alert" className="text-sm font-medium text-crisis-700">
            {request.error instanceof PatientApiError && request.error.retryAfter !== null ? rateLimitedMessage(t, request.error.retryAfter) : request.error.message}
          </p>
        ) : null}
        <Button type="submit" disabled={request.isPending} className="self-start">
          {request.isPending ? <Spinner /> : null}
          {t("patient.followUp.submit")}
        </Button>
      </form>
    </div>
  );
}
