"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FlaskConical, Save, Send, Stethoscope, X } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/components/ui/cn";
import type { TranscriptTurn } from "@/db/schema/case-card";

type Brief = RouterOutputs["cases"]["consultStart"];

/** The doctor interviews a virtual patient; the consultation is saved as a demonstration of this avatar's doctor. */
export function ConsultPanel({ avatarId }: { avatarId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const cases = useQuery(trpc.cases.list.queryOptions({ archived: false }));
  const [caseId, setCaseId] = useState("");
  const [brief, setBrief] = useState<Brief | null>(null);
  const [transcript, setTranscript] = useState<TranscriptTurn[]>([]);
  const [question, setQuestion] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [starting, setStarting] = useState(false);
  const questionRef = useRef<HTMLTextAreaElement>(null);
  const onError = (e: { message: string }) => setFailure(e.message);

  const ask = useMutation(trpc.cases.consultAsk.mutationOptions({ onError }));
  const order = useMutation(trpc.cases.consultOrder.mutationOptions({ onError }));
  const save = useMutation(
    trpc.demonstration.save.mutationOptions({
      onSuccess: () => {
        setBrief(null);
        setTranscript([]);
        setSaved(true);
        void queryClient.invalidateQueries({ queryKey: trpc.demonstration.list.queryKey({ avatarId }) });
      },
      onError,
    }),
  );
  const busy = ask.isPending || order.isPending || save.isPending;

  useEffect(() => {
    if (brief && !busy) questionRef.current?.focus();
  }, [brief, busy, transcript.length]);

  async function start(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!caseId) return;
    setFailure(null);
    setSaved(false);
    setStarting(true);
    try {
      const next = await queryClient.fetchQuery(trpc.cases.consultStart.queryOptions({ avatarId, caseId }));
      setBrief(next);
      setTranscript([{ role: "patient", text: next.openingLine }]);
    } catch (e) {
      onError(e instanceof Error ? e : { message: String(e) });
    } finally {
      setStarting(false);
    }
  }

  function send() {
    const text = question.trim();
    if (!brief || !text || busy) return;
    const before = transcript;
    setFailure(null);
    setQuestion("");
    setTranscript([...before, { role: "interviewer", text }]);
    ask.mutate(
      { avatarId, caseId: brief.caseId, transcript: before, question: text },
      {
        onSuccess: (reply) => setTranscript((turns) => [...turns, { role: "patient", text: reply.text }]),
        // The question was not answered: take it back so the doctor can ask again.
        onError: () => {
          setTranscript(before);
          setQuestion(text);
        },
      },
    );
  }

  function orderResult(resultIndex: number) {
    if (!brief) return;
    setFailure(null);
    order.mutate({ avatarId, caseId: brief.caseId, resultIndex }, { onSuccess: (turns) => setTranscript((current) => [...current, ...turns]) });
  }

  if (cases.isPending) return <Spinner label={t("common.loading")} />;
  if (cases.isError) {
    return (
      <Alert tone="danger" role="alert">
        {cases.error.message}
      </Alert>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      {failure ? (
        <Alert tone="danger" role="alert">
          {failure}
        </Alert>
      ) : null}
      {saved ? (
        <Alert tone="success" role="status">
          {t("consult.saved")}
        </Alert>
      ) : null}
      {!brief ? (
        cases.data.length === 0 ? (
          <Alert tone="info">
            {t("consult.noCases")}{" "}
            <Link href="/studio/cases" className="font-medium underline underline-offset-2">
              {t("cases.openLibrary")}
            </Link>
          </Alert>
        ) : (
          <form onSubmit={start} className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <Field label={t("consult.pickCase")} htmlFor={`${id}-case`} className="flex-1">
              <Select id={`${id}-case`} value={caseId} onChange={(e) => setCaseId(e.target.value)}>
                <option value="">{t("consult.pickCase.placeholder")}</option>
                {cases.data.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.card.name} — {c.card.chiefComplaint}
                  </option>
                ))}
              </Select>
            </Field>
            <Button type="submit" disabled={!caseId || starting}>
              <Stethoscope aria-hidden />
              {t("consult.start")}
            </Button>
          </form>
        )
      ) : (
        <div className="flex flex-col gap-4" data-testid="consult" lang={brief.language}>
          <p className="font-medium text-slate-900">
            {t("consult.patient", { name: brief.name, age: brief.age, sex: t(`cases.sex.${brief.sex}`), complaint: brief.chiefComplaint })}
          </p>
          <ol aria-label={t("consult.transcript")} aria-live="polite" className="flex max-h-[28rem] flex-col gap-2 overflow-y-auto rounded-xl border border-slate-200 bg-slate-50 p-3" data-testid="consult-transcript">
            {transcript.map((turn, i) => (
              <Turn key={i} turn={turn} />
            ))}
            {ask.isPending ? (
              <li>
                <Spinner label={t("consult.thinking")} />
              </li>
            ) : null}
          </ol>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              send();
            }}
            className="flex flex-col gap-2"
          >
            <Field label={t("consult.question")} htmlFor={`${id}-question`} hint={t("consult.question.hint")}>
              <Textarea
                ref={questionRef}
                id={`${id}-question`}
                rows={2}
                className="min-h-16"
                maxLength={1000}
                aria-describedby={`${id}-question-hint`}
                value={question}
                onChange={(e) => setQuestion(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                    e.preventDefault();
                    send();
                  }
                }}
              />
            </Field>
            <div>
              <Button type="submit" disabled={busy || question.trim() === ""}>
                <Send aria-hidden />
                {t("consult.ask")}
              </Button>
            </div>
          </form>
          <div role="group" aria-labelledby={`${id}-order`} className="flex flex-col gap-2">
            <h3 id={`${id}-order`} className="text-sm font-semibold text-slate-900">
              {t("consult.order")}
            </h3>
            {brief.results.length === 0 ? (
              <p className="text-sm text-slate-600">{t("consult.order.none")}</p>
            ) : (
              <div className="flex flex-wrap gap-2">
                {brief.results.map((r) => (
                  <Button key={r.index} variant="secondary" size="sm" disabled={busy} onClick={() => orderResult(r.index)}>
                    <FlaskConical aria-hidden />
                    {t("consult.order.button", { name: r.name })}
                  </Button>
                ))}
              </div>
            )}
          </div>
          <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4">
            <Button disabled={busy || !transcript.some((turn) => turn.role === "interviewer")} onClick={() => save.mutate({ avatarId, caseId: brief.caseId, transcript })}>
              <Save aria-hidden />
              {t("consult.end")}
            </Button>
            <Button
              variant="ghost"
              disabled={busy}
              onClick={() => {
                setBrief(null);
                setTranscript([]);
              }}
            >
              <X aria-hidden />
              {t("consult.discard")}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

/** One turn: the doctor's on the right, the patient's on the left, an ordered result as a distinct block. */
export function Turn({ turn }: { turn: TranscriptTurn }) {
  const t = useT();
  const mine = turn.role === "interviewer";
  const result = Boolean(turn.meta?.ordered) && !mine;
  const who = result ? t("consult.result") : mine ? t("consult.you") : t("consult.patientSays");
  return (
    <li data-testid="consult-turn" data-role={result ? "result" : turn.role} className={cn("flex", mine ? "justify-end" : "justify-start")}>
      <div
        className={cn(
          "max-w-[85%] rounded-xl px-3 py-2 text-sm leading-relaxed whitespace-pre-wrap",
          result ? "border border-amber-200 bg-amber-50 text-amber-950" : mine ? "bg-brand-700 text-white" : "border border-slate-200 bg-white text-slate-900",
        )}
      >
        <span className="sr-only">{who}: </span>
        {turn.text}
      </div>
    </li>
  );
}
