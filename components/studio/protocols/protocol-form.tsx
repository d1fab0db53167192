"use client";

import { Plus } from "lucide-react";
import { useId, useState } from "react";
import { useT } from "@/components/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { emptyQuestion, type ProtocolDraft, URGENCIES } from "./protocol-draft";
import { QuestionEditor } from "./question-editor";

/** Creates or edits one protocol: triggers, ordered questions with options and red flags, closing advice. */
export function ProtocolForm({
  initial,
  heading,
  pending,
  error,
  onSave,
  onCancel,
}: {
  initial: ProtocolDraft;
  heading: string;
  pending: boolean;
  error: string | null;
  onSave: (draft: ProtocolDraft) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const set = (patch: Partial<ProtocolDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const fid = (name: string) => `${id}-${name}`;

  return (
    <form
      aria-labelledby={fid("heading")}
      aria-busy={pending}
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-slate-50 p-3 sm:p-5"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draft);
      }}
    >
      <h3 id={fid("heading")} className="text-lg font-semibold text-slate-900">
        {heading}
      </h3>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("protocols.form.title")} htmlFor={fid("title")}>
          <Input id={fid("title")} required maxLength={120} value={draft.title} onChange={(e) => set({ title: e.target.value })} />
        </Field>
        <Field label={t("protocols.form.chiefComplaint")} htmlFor={fid("complaint")} hint={t("protocols.form.chiefComplaintHint")}>
          <Input id={fid("complaint")} required maxLength={200} value={draft.chiefComplaint} aria-describedby={`${fid("complaint")}-hint`} onChange={(e) => set({ chiefComplaint: e.target.value })} />
        </Field>
        <Field label={t("protocols.form.triggersZh")} htmlFor={fid("triggersZh")} hint={t("protocols.form.triggersHint")}>
          <Textarea id={fid("triggersZh")} rows={3} value={draft.triggersZh} aria-describedby={`${fid("triggersZh")}-hint`} onChange={(e) => set({ triggersZh: e.target.value })} />
        </Field>
        <Field label={t("protocols.form.triggersEn")} htmlFor={fid("triggersEn")} hint={t("protocols.form.triggersHint")}>
          <Textarea id={fid("triggersEn")} rows={3} value={draft.triggersEn} aria-describedby={`${fid("triggersEn")}-hint`} onChange={(e) => set({ triggersEn: e.target.value })} />
        </Field>
      </div>

      <section aria-labelledby={fid("questions")} className="flex flex-col gap-3">
        <h4 id={fid("questions")} className="font-medium text-slate-900">
          {t("protocols.form.questions")}
        </h4>
        <ol className="flex flex-col gap-3">
          {draft.questions.map((q, i) => (
            <QuestionEditor
              key={q.key}
              question={q}
              index={i}
              count={draft.questions.length}
              onChange={(next) => set({ questions: draft.questions.map((x) => (x.key === q.key ? next : x)) })}
              onMove={(delta) => {
                const questions = [...draft.questions];
                [questions[i], questions[i + delta]] = [questions[i + delta]!, questions[i]!];
                set({ questions });
                // Keep the keyboard where the question went.
                requestAnimationFrame(() => document.getElementById(`q-${q.key}-text`)?.focus());
              }}
              onRemove={() => set({ questions: draft.questions.filter((x) => x.key !== q.key) })}
            />
          ))}
        </ol>
        <div>
          <Button
            variant="secondary"
            onClick={() => {
              const q = emptyQuestion();
              set({ questions: [...draft.questions, q] });
              requestAnimationFrame(() => document.getElementById(`q-${q.key}-text`)?.focus());
            }}
          >
            <Plus aria-hidden />
            {t("protocols.form.addQuestion")}
          </Button>
        </div>
      </section>

      <div className="grid gap-4 sm:grid-cols-[1fr_16rem]">
        <Field label={t("protocols.form.closingAdvice")} htmlFor={fid("advice")}>
          <Textarea id={fid("advice")} rows={3} maxLength={2000} value={draft.closingAdvice} onChange={(e) => set({ closingAdvice: e.target.value })} />
        </Field>
        <Field label={t("protocols.form.closingUrgency")} htmlFor={fid("urgency")}>
          <Select id={fid("urgency")} value={draft.closingUrgency} onChange={(e) => set({ closingUrgency: e.target.value as ProtocolDraft["closingUrgency"] })}>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {t(`urgency.${u}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      {error ? (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? <Spinner /> : null}
          {pending ? t("protocols.form.saving") : t("protocols.form.save")}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          {t("protocols.form.cancel")}
        </Button>
      </div>
    </form>
  );
}
