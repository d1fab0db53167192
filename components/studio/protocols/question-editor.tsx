"use client";

import { ArrowDown, ArrowUp, Plus, Trash2, X } from "lucide-react";
import { useT } from "@/components/i18n/client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { emptyRedFlag, newKey, type QuestionDraft, type RedFlagDraft, URGENCIES } from "./protocol-draft";

/** One question of a protocol: its text, answer type (options, unit and range) and red flags. */
export function QuestionEditor({
  question: q,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  question: QuestionDraft;
  index: number;
  count: number;
  onChange: (q: QuestionDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const n = index + 1;
  const fid = (name: string) => `q-${q.key}-${name}`;
  const set = (patch: Partial<QuestionDraft>) => onChange({ ...q, ...patch });
  const setFlag = (key: string, patch: Partial<RedFlagDraft>) => set({ redFlags: q.redFlags.map((f) => (f.key === key ? { ...f, ...patch } : f)) });

  return (
    <li className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-3 sm:p-4" data-testid="protocol-question">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="font-medium text-slate-900">{t("protocols.form.question", { n })}</h4>
        <div className="flex gap-1">
          <Button variant="ghost" size="icon" aria-label={t("protocols.form.moveUp", { n })} disabled={index === 0} onClick={() => onMove(-1)}>
            <ArrowUp aria-hidden />
          </Button>
          <Button variant="ghost" size="icon" aria-label={t("protocols.form.moveDown", { n })} disabled={index === count - 1} onClick={() => onMove(1)}>
            <ArrowDown aria-hidden />
          </Button>
          <Button variant="ghost" size="icon" aria-label={t("protocols.form.removeQuestion", { n })} disabled={count === 1} onClick={onRemove}>
            <Trash2 aria-hidden />
          </Button>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <Field label={t("protocols.form.questionText")} htmlFor={fid("text")}>
          <Textarea id={fid("text")} rows={2} maxLength={500} required value={q.text} onChange={(e) => set({ text: e.target.value })} />
        </Field>
        <Field label={t("protocols.form.kind")} htmlFor={fid("kind")}>
          <Select
            id={fid("kind")}
            value={q.kind}
            onChange={(e) => {
              const kind = e.target.value as QuestionDraft["kind"];
              const options = kind === "choice" && q.options.length < 2 ? [...q.options, { key: newKey(), label: "", aliases: "" }, { key: newKey(), label: "", aliases: "" }].slice(0, 2) : q.options;
              // Red flags of another answer type would not fit the new one.
              set({ kind, options, redFlags: [] });
            }}
          >
            {(["text", "choice", "number"] as const).map((k) => (
              <option key={k} value={k}>
                {t(`protocols.form.kind.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      {q.kind === "choice" ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium text-slate-900">{t("protocols.form.options")}</legend>
          <ul className="flex flex-col gap-2">
            {q.options.map((o, i) => (
              <li key={o.key} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
                <Field label={t("protocols.form.option", { n: i + 1 })} htmlFor={fid(`opt-${o.key}`)}>
                  <Input id={fid(`opt-${o.key}`)} maxLength={100} value={o.label} onChange={(e) => set({ options: q.options.map((x) => (x.key === o.key ? { ...x, label: e.target.value } : x)) })} />
                </Field>
                <Field label={t("protocols.form.optionAliases", { n: i + 1 })} htmlFor={fid(`alias-${o.key}`)}>
                  <Input
                    id={fid(`alias-${o.key}`)}
                    value={o.aliases}
                    aria-describedby={`${fid("aliases")}-hint`}
                    onChange={(e) => set({ options: q.options.map((x) => (x.key === o.key ? { ...x, aliases: e.target.value } : x)) })}
                  />
                </Field>
                <Button variant="ghost" size="icon" aria-label={t("protocols.form.removeOption", { n: i + 1 })} onClick={() => set({ options: q.options.filter((x) => x.key !== o.key) })}>
                  <X aria-hidden />
                </Button>
              </li>
            ))}
          </ul>
          <p id={`${fid("aliases")}-hint`} className="text-xs text-slate-600">
            {t("protocols.form.optionAliasesHint")}
          </p>
          <div>
            <Button variant="secondary" size="sm" onClick={() => set({ options: [...q.options, { key: newKey(), label: "", aliases: "" }] })}>
              <Plus aria-hidden />
              {t("protocols.form.addOption")}
            </Button>
          </div>
        </fieldset>
      ) : null}

      {q.kind === "number" ? (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Field label={t("protocols.form.unit")} htmlFor={fid("unit")}>
            <Input id={fid("unit")} maxLength={30} value={q.unit} onChange={(e) => set({ unit: e.target.value })} />
          </Field>
          <Field label={t("protocols.form.unitAliases")} htmlFor={fid("unitAliases")} hint={t("protocols.form.unitAliasesHint")}>
            <Input id={fid("unitAliases")} value={q.unitAliases} aria-describedby={`${fid("unitAliases")}-hint`} onChange={(e) => set({ unitAliases: e.target.value })} />
          </Field>
          <Field label={t("protocols.form.min")} htmlFor={fid("min")}>
            <Input id={fid("min")} type="number" inputMode="decimal" value={q.min} onChange={(e) => set({ min: e.target.value })} />
          </Field>
          <Field label={t("protocols.form.max")} htmlFor={fid("max")}>
            <Input id={fid("max")} type="number" inputMode="decimal" value={q.max} onChange={(e) => set({ max: e.target.value })} />
          </Field>
        </div>
      ) : null}

      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-900">{t("protocols.form.redFlags")}</legend>
        <ul className="flex flex-col gap-2">
          {q.redFlags.map((f, i) => (
            <li key={f.key} className="flex flex-col gap-2 rounded-lg border border-amber-200 bg-amber-50/40 p-3" data-testid="red-flag">
              <div className="flex items-center justify-between gap-2">
                <span className="text-sm font-medium text-slate-900">{t("protocols.form.redFlag", { n: i + 1 })}</span>
                <Button variant="ghost" size="icon" aria-label={t("protocols.form.removeRedFlag", { n: i + 1 })} onClick={() => set({ redFlags: q.redFlags.filter((x) => x.key !== f.key) })}>
                  <X aria-hidden />
                </Button>
              </div>
              <div className="grid gap-2 sm:grid-cols-2">
                <Field label={t("protocols.form.matchType")} htmlFor={fid(`type-${f.key}`)}>
                  <Select id={fid(`type-${f.key}`)} value={f.type} onChange={(e) => setFlag(f.key, { type: e.target.value as RedFlagDraft["type"] })}>
                    {(q.kind === "choice" ? (["choice", "phrases"] as const) : q.kind === "number" ? (["number"] as const) : (["phrases"] as const)).map((type) => (
                      <option key={type} value={type}>
                        {t(`protocols.form.match.${type}`)}
                      </option>
                    ))}
                  </Select>
                </Field>
                {f.type === "choice" ? (
                  <Field label={t("protocols.form.flagOption")} htmlFor={fid(`option-${f.key}`)}>
                    <Select id={fid(`option-${f.key}`)} value={f.option} onChange={(e) => setFlag(f.key, { option: e.target.value })}>
                      <option value="" disabled>
                        —
                      </option>
                      {q.options
                        .filter((o) => o.label.trim())
                        .map((o) => (
                          <option key={o.key} value={o.label.trim()}>
                            {o.label}
                          </option>
                        ))}
                    </Select>
                  </Field>
                ) : f.type === "number" ? (
                  <div className="grid grid-cols-2 gap-2">
                    <Field label={t("protocols.form.flagOp")} htmlFor={fid(`op-${f.key}`)}>
                      <Select id={fid(`op-${f.key}`)} value={f.op} onChange={(e) => setFlag(f.key, { op: e.target.value as RedFlagDraft["op"] })}>
                        <option value="gte">{t("protocols.form.op.gte")}</option>
                        <option value="lte">{t("protocols.form.op.lte")}</option>
                      </Select>
                    </Field>
                    <Field label={t("protocols.form.flagValue")} htmlFor={fid(`value-${f.key}`)}>
                      <Input id={fid(`value-${f.key}`)} type="number" inputMode="decimal" required value={f.value} onChange={(e) => setFlag(f.key, { value: e.target.value })} />
                    </Field>
                  </div>
                ) : (
                  <Field label={t("protocols.form.flagPhrases")} htmlFor={fid(`phrases-${f.key}`)} hint={t("protocols.form.flagPhrasesHint")}>
                    <Input id={fid(`phrases-${f.key}`)} value={f.phrases} aria-describedby={`${fid(`phrases-${f.key}`)}-hint`} onChange={(e) => setFlag(f.key, { phrases: e.target.value })} />
                  </Field>
                )}
                <Field label={t("protocols.form.action")} htmlFor={fid(`action-${f.key}`)}>
                  <Select id={fid(`action-${f.key}`)} value={f.action} onChange={(e) => setFlag(f.key, { action: e.target.value as RedFlagDraft["action"] })}>
                    <option value="escalate">{t("protocols.form.action.escalate")}</option>
                    <option value="urge_care">{t("protocols.form.action.urge_care")}</option>
                  </Select>
                </Field>
                <Field label={t("protocols.form.flagUrgency")} htmlFor={fid(`urgency-${f.key}`)}>
                  <Select id={fid(`urgency-${f.key}`)} value={f.urgency} onChange={(e) => setFlag(f.key, { urgency: e.target.value as RedFlagDraft["urgency"] })}>
                    {URGENCIES.map((u) => (
                      <option key={u} value={u}>
                        {t(`urgency.${u}`)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t("protocols.form.flagMessage")} htmlFor={fid(`message-${f.key}`)} className="sm:col-span-2">
                  <Input id={fid(`message-${f.key}`)} maxLength={500} value={f.message} onChange={(e) => setFlag(f.key, { message: e.target.value })} />
                </Field>
              </div>
            </li>
          ))}
        </ul>
        <div>
          <Button variant="secondary" size="sm" onClick={() => set({ redFlags: [...q.redFlags, emptyRedFlag(q.kind)] })}>
            <Plus aria-hidden />
            {t("protocols.form.addRedFlag")}
          </Button>
        </div>
      </fieldset>
    </li>
  );
}
