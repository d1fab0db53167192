"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { GraduationCap } from "lucide-react";
import { Dialog } from "radix-ui";
import { useId, useState } from "react";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

/** Which avatar turn is corrected: one of a simulation run, or a message of a real conversation. */
export type CorrectionTarget = { runId: string; turnIndex: number } | { messageId: string };

/**
 * "What should it have said or asked?" on one avatar turn. The doctor's words become their curated
 * answer to the patient's message, or a new question of one of the avatar's protocols. Reusable: the
 * conversation log passes a messageId, the simulation transcript a run and turn.
 */
export function CorrectTurnDialog({
  avatarId,
  target,
  patientText,
  label,
  onSaved,
}: {
  avatarId: string;
  target: CorrectionTarget;
  /** The patient's message the turn answered, shown for context. */
  patientText?: string;
  /** The trigger button's text, when the place it sits in calls for other words. */
  label?: string;
  /** Called with what the correction became (a curated answer or a protocol question). */
  onSaved?: (saved: { appliedAs: "curated_answer" | "protocol" | null }) => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [applyAs, setApplyAs] = useState<"curated_answer" | "protocol_question">("curated_answer");
  const [protocolId, setProtocolId] = useState("");
  const [missing, setMissing] = useState(false);
  const protocols = useQuery({ ...trpc.protocol.list.queryOptions({ avatarId }), enabled: open && applyAs === "protocol_question" });
  const onSuccess = (saved: { appliedAs: "curated_answer" | "protocol" | null }) => {
    setOpen(false);
    setText("");
    onSaved?.(saved);
  };
  const correctTurn = useMutation(trpc.simulationRun.correctTurn.mutationOptions({ onSuccess }));
  const correctMessage = useMutation(trpc.simulationRun.correctMessage.mutationOptions({ onSuccess }));
  const pending = correctTurn.isPending || correctMessage.isPending;
  const error = correctTurn.error ?? correctMessage.error;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    const teaching = { correction: text, applyAs, protocolId: applyAs === "protocol_question" ? protocolId || undefined : undefined };
    if ("runId" in target) correctTurn.mutate({ ...target, ...teaching });
    else correctMessage.mutate({ messageId: target.messageId, ...teaching });
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="ghost" size="sm" data-testid="correct-turn">
          <GraduationCap aria-hidden />
          {label ?? t("sim.run.correct")}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 flex max-h-[90vh] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col gap-3 overflow-y-auto rounded-xl bg-white p-5 shadow-lg">
          <Dialog.Title className="text-lg font-semibold text-slate-900">{t("sim.correct.title")}</Dialog.Title>
          <Dialog.Description className="text-sm leading-relaxed text-slate-700">{t("sim.correct.lead")}</Dialog.Description>
          {patientText ? (
            <div className="rounded-lg bg-slate-50 p-3 text-sm text-slate-800">
              <p className="font-medium text-slate-900">{t("sim.correct.asked")}</p>
              <p className="whitespace-pre-wrap">{patientText}</p>
            </div>
          ) : null}
          <form className="flex flex-col gap-3" onSubmit={submit} noValidate>
            <Field label={t("sim.correct.label")} htmlFor={`${id}-text`} hint={t("sim.correct.hint")} error={missing && !text.trim() ? t("sim.correct.empty") : undefined}>
              <Textarea
                id={`${id}-text`}
                value={text}
                maxLength={4000}
                onChange={(e) => setText(e.target.value)}
                aria-describedby={describedBy(`${id}-text`, { hint: true, error: missing && !text.trim() })}
                aria-invalid={missing && !text.trim() ? true : undefined}
              />
            </Field>
            <Field label={t("sim.correct.applyAs")} htmlFor={`${id}-as`}>
              <Select id={`${id}-as`} value={applyAs} onChange={(e) => setApplyAs(e.target.value as typeof applyAs)}>
                <option value="curated_answer">{t("sim.correct.curated")}</option>
                <option value="protocol_question">{t("sim.correct.protocol")}</option>
              </Select>
            </Field>
            {applyAs === "protocol_question" ? (
              protocols.data && protocols.data.length === 0 ? (
                <Alert tone="info">{t("sim.correct.noProtocols")}</Alert>
              ) : (
                <Field label={t("sim.correct.protocolPick")} htmlFor={`${id}-protocol`}>
                  <Select id={`${id}-protocol`} value={protocolId} onChange={(e) => setProtocolId(e.target.value)}>
                    <option value="">—</option>
                    {(protocols.data ?? []).map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.title}
                      </option>
                    ))}
                  </Select>
                </Field>
              )
            ) : null}
            {error ? (
              <Alert tone="danger" role="alert">
                {t("sim.correct.error")} {error.message}
              </Alert>
            ) : null}
            <div className="mt-1 flex flex-wrap justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary">{t("common.cancel")}</Button>
              </Dialog.Close>
              <Button type="submit" disabled={pending}>
                {pending ? t("sim.correct.saving") : t("sim.correct.save")}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
