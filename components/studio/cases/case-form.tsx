"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { type CaseCard, caseCardSchema, caseFactSchema, expectedBehaviourSchema } from "@/db/schema/case-card";
import { type CaseDraft, cardInputOf, draftOf, emptyDraft, rowKey } from "./case-draft";
import { placeCaseIssues, type UiMessage } from "./case-errors";

const TOPICS = caseFactSchema.shape.topic.options;
const PERSONALITIES = caseCardSchema.shape.personality.unwrap().options;
const escalationShape = expectedBehaviourSchema.shape.escalation.unwrap().shape;
const CATEGORIES = escalationShape.category.unwrap().options;
const URGENCIES = escalationShape.urgency.unwrap().options;

const fid = (key: string) => `case-${key.replace(/\./g, "-")}`;

/** The case designer: every field of the card, checked by the card's own schema with errors on their fields. */
export function CaseForm({ caseId: initialId, card }: { caseId?: string; card?: CaseCard }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [caseId, setCaseId] = useState(initialId);
  const [draft, setDraft] = useState<CaseDraft>(() => (card ? draftOf(card) : emptyDraft()));
  const [errors, setErrors] = useState<Map<string, UiMessage>>(new Map());
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // Each failed save asks once for focus on the summary; the effect below answers after it has rendered.
  const [focusRequest, setFocusRequest] = useState(0);
  const focusedRequest = useRef(0);

  const onSaved = (row: { id: string; card: CaseCard }) => {
    setCaseId(row.id);
    setDraft(draftOf(row.card));
    setErrors(new Map());
    setFailure(null);
    setSaved(true);
    void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
    // A new case gets its own address without remounting the form (and losing the "saved" notice).
    if (!initialId) window.history.replaceState(null, "", `/studio/cases/${row.id}`);
  };
  const onError = (error: { message: string; data?: { zodIssues?: { path: (string | number)[]; code: string }[] | null } | null }) => {
    const placed = placeCaseIssues(error.data?.zodIssues?.map((i) => ({ ...i, path: caseId ? i.path.slice(1) : i.path })) ?? []);
    setErrors(placed);
    setFailure(placed.size === 0 ? error.message : null);
    setFocusRequest((n) => n + 1);
  };
  const create = useMutation(trpc.cases.create.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.cases.update.mutationOptions({ onSuccess: onSaved, onError }));
  const pending = create.isPending || update.isPending;

  useEffect(() => {
    if (focusRequest === focusedRequest.current || (errors.size === 0 && !failure)) return;
    focusedRequest.current = focusRequest;
    summaryRef.current?.focus();
  });

  function edit(patch: Partial<CaseDraft>) {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const parsed = caseCardSchema.safeParse(cardInputOf(draft));
    if (!parsed.success) {
      setErrors(placeCaseIssues(parsed.error.issues));
      setFailure(null);
      setFocusRequest((n) => n + 1);
      return;
    }
    if (caseId) update.mutate({ caseId, card: parsed.data });
    else create.mutate(parsed.data);
  }

  const errorOf = (key: string) => {
    const m = errors.get(key);
    return m ? t(m.key, m.vars) : undefined;
  };
  /** Props tying a control to its Field: id, invalid state and described-by. */
  const control = (key: string, hint = false) => ({
    id: fid(key),
    "aria-invalid": errors.has(key) ? (true as const) : undefined,
    "aria-describedby": describedBy(fid(key), { hint, error: errors.has(key) }),
  });
  const text = (key: "name" | "specialty" | "chiefComplaint" | "openingLine") => ({
    ...control(key),
    value: draft[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => edit({ [key]: e.target.value }),
  });

  const labelOf = (key: string): string => {
    const [head, index, field] = key.split(".");
    const n = Number(index) + 1;
    switch (head) {
      case "facts":
        return `${t("cases.form.fact", { n })}${field ? ` · ${field === "keywords" ? t("cases.form.keywords") : field === "topic" ? t("cases.form.fact.topic") : t("cases.form.fact.answer")}` : ""}`;
      case "results":
        return `${t("cases.form.result", { n })}${field ? ` · ${field === "keywords" ? t("cases.form.keywords") : field === "name" ? t("cases.form.result.name") : t("cases.form.result.result")}` : ""}`;
      case "hiddenRedFlags":
        return index === undefined ? t("cases.form.redFlags") : t("cases.form.redFlag", { n });
      case "expected": {
        const [, sub, i, f] = key.split(".");
        const m = Number(i) + 1;
        if (sub === "mustAsk") return i === undefined ? t("cases.form.mustAsk") : `${t("cases.form.mustAsk.question", { n: m })}${f === "keywords" ? ` · ${t("cases.form.keywords")}` : ""}`;
        if (sub === "mustNotSay") return i === undefined ? t("cases.form.mustNotSay") : t("cases.form.mustNotSay.item", { n: m });
        if (sub === "escalation") return t("cases.form.escalation");
        return t("cases.form.expectedAdvice");
      }
      default: {
        const simple: Record<string, Parameters<typeof t>[0]> = {
          name: "cases.form.name",
          age: "cases.form.age",
          sex: "cases.form.sex",
          language: "cases.form.language",
          specialty: "cases.form.specialty",
          chiefComplaint: "cases.form.chiefComplaint",
          openingLine: "cases.form.openingLine",
          personality: "cases.form.personality",
        };
        return simple[head!] ? t(simple[head!]!) : key;
      }
    }
  };

  return (
    <form noValidate onSubmit={submit} aria-busy={pending} className="flex flex-col gap-8" data-testid="case-form">
      <div ref={summaryRef} tabIndex={-1} className="flex flex-col gap-3 outline-none">
        {errors.size > 0 ? (
          <Alert tone="danger" role="alert" title={t("cases.form.errorSummary", { count: errors.size })}>
            <ul className="mt-1 list-disc pl-5" data-testid="case-form-errors">
              {[...errors.entries()].map(([key, m]) => (
                <li key={key}>
                  <a href={`#${fid(key)}`} className="underline underline-offset-2">
                    {labelOf(key)}: {t(m.key, m.vars)}
                  </a>
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {failure ? (
          <Alert tone="danger" role="alert">
            {failure}
          </Alert>
        ) : null}
        {saved ? (
          <Alert tone="success" role="status">
            {t("cases.form.saved")}
          </Alert>
        ) : null}
      </div>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-3 text-base font-semibold text-slate-900">{t("cases.form.patient")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("cases.form.name")} htmlFor={fid("name")} error={errorOf("name")}>
            <Input maxLength={120} autoComplete="off" {...text("name")} />
          </Field>
          <Field label={t("cases.form.age")} htmlFor={fid("age")} error={errorOf("age")}>
            <Input type="number" inputMode="numeric" min={0} max={120} {...control("age")} value={draft.age} onChange={(e) => edit({ age: e.target.value })} />
          </Field>
          <Field label={t("cases.form.sex")} htmlFor={fid("sex")} error={errorOf("sex")}>
            <Select {...control("sex")} value={draft.sex} onChange={(e) => edit({ sex: e.target.value as CaseDraft["sex"] })}>
              {(["female", "male", "other"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`cases.sex.${s}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("cases.form.language")} htmlFor={fid("language")} error={errorOf("language")}>
            <Select {...control("language")} value={draft.language} onChange={(e) => edit({ language: e.target.value as CaseDraft["language"] })}>
              <option value="en">{t("cases.language.en")}</option>
              <option value="zh-CN">{t("cases.language.zh-CN")}</option>
            </Select>
          </Field>
          <Field label={t("cases.form.specialty")} htmlFor={fid("specialty")} error={errorOf("specialty")}>
            <Input maxLength={120} {...text("specialty")} />
          </Field>
          <Field label={t("cases.form.personality")} htmlFor={fid("personality")} error={errorOf("personality")}>
            <Select {...control("personality")} value={draft.personality} onChange={(e) => edit({ personality: e.target.value as CaseDraft["personality"] })}>
              {PERSONALITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`cases.personality.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Checkbox id={fid("crisis")} checked={draft.crisis} onChange={(crisis) => edit({ crisis })} label={t("cases.form.crisis")} />
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-3 text-base font-semibold text-slate-900">{t("cases.form.presentation")}</legend>
        <Field label={t("cases.form.chiefComplaint")} htmlFor={fid("chiefComplaint")} error={errorOf("chiefComplaint")}>
          <Input maxLength={300} {...text("chiefComplaint")} />
        </Field>
        <Field label={t("cases.form.openingLine")} htmlFor={fid("openingLine")} error={errorOf("openingLine")}>
          <Textarea maxLength={1000} rows={2} className="min-h-16" {...text("openingLine")} />
        </Field>
      </fieldset>

      <fieldset className="flex flex-col gap-4" data-testid="case-facts">
        <legend className="mb-1 text-base font-semibold text-slate-900">{t("cases.form.facts")}</legend>
        <p className="text-sm text-slate-700">{t("cases.form.lead")}</p>
        {errorOf("facts") ? <p className="text-sm font-medium text-crisis-700">{errorOf("facts")}</p> : null}
        {draft.facts.length === 0 ? <p className="text-sm text-slate-600">{t("cases.form.facts.empty")}</p> : null}
        {draft.facts.map((fact, i) => (
          <RowCard key={fact.key} title={t("cases.form.fact", { n: i + 1 })} removeLabel={t("cases.form.remove")} onRemove={() => edit({ facts: draft.facts.filter((f) => f.key !== fact.key) })}>
            <Field label={t("cases.form.fact.topic")} htmlFor={fid(`facts.${i}.topic`)} error={errorOf(`facts.${i}.topic`)}>
              <Select {...control(`facts.${i}.topic`)} value={fact.topic} onChange={(e) => edit({ facts: replace(draft.facts, i, { topic: e.target.value as typeof fact.topic }) })}>
                {TOPICS.map((topic) => (
                  <option key={topic} value={topic}>
                    {t(`cases.topic.${topic}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("cases.form.fact.answer")} htmlFor={fid(`facts.${i}.answer`)} error={errorOf(`facts.${i}.answer`)} className="sm:col-span-2">
              <Textarea rows={2} className="min-h-16" maxLength={2000} {...control(`facts.${i}.answer`)} value={fact.answer} onChange={(e) => edit({ facts: replace(draft.facts, i, { answer: e.target.value }) })} />
            </Field>
            <Field label={t("cases.form.keywords")} htmlFor={fid(`facts.${i}.keywords`)} error={errorOf(`facts.${i}.keywords`)} className="sm:col-span-3">
              <Input {...control(`facts.${i}.keywords`)} value={fact.keywords} onChange={(e) => edit({ facts: replace(draft.facts, i, { keywords: e.target.value }) })} />
            </Field>
          </RowCard>
        ))}
        <AddButton onClick={() => edit({ facts: [...draft.facts, { key: rowKey(), topic: "presenting_illness", answer: "", keywords: "" }] })}>{t("cases.form.addFact")}</AddButton>
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-3 text-base font-semibold text-slate-900">{t("cases.form.results")}</legend>
        {errorOf("results") ? <p className="text-sm font-medium text-crisis-700">{errorOf("results")}</p> : null}
        {draft.results.length === 0 ? <p className="text-sm text-slate-600">{t("cases.form.results.empty")}</p> : null}
        {draft.results.map((r, i) => (
          <RowCard key={r.key} title={t("cases.form.result", { n: i + 1 })} removeLabel={t("cases.form.remove")} onRemove={() => edit({ results: draft.results.filter((x) => x.key !== r.key) })}>
            <Field label={t("cases.form.result.name")} htmlFor={fid(`results.${i}.name`)} error={errorOf(`results.${i}.name`)}>
              <Input maxLength={200} {...control(`results.${i}.name`)} value={r.name} onChange={(e) => edit({ results: replace(draft.results, i, { name: e.target.value }) })} />
            </Field>
            <Field label={t("cases.form.result.result")} htmlFor={fid(`results.${i}.result`)} error={errorOf(`results.${i}.result`)} className="sm:col-span-2">
              <Textarea rows={2} className="min-h-16" maxLength={2000} {...control(`results.${i}.result`)} value={r.result} onChange={(e) => edit({ results: replace(draft.results, i, { result: e.target.value }) })} />
            </Field>
            <Field label={t("cases.form.keywords")} htmlFor={fid(`results.${i}.keywords`)} error={errorOf(`results.${i}.keywords`)} className="sm:col-span-3">
              <Input {...control(`results.${i}.keywords`)} value={r.keywords} onChange={(e) => edit({ results: replace(draft.results, i, { keywords: e.target.value }) })} />
            </Field>
          </RowCard>
        ))}
        <AddButton onClick={() => edit({ results: [...draft.results, { key: rowKey(), name: "", result: "", keywords: "" }] })}>{t("cases.form.addResult")}</AddButton>
      </fieldset>

      <TextRows
        legend={t("cases.form.redFlags")}
        hint={t("cases.form.redFlags.hint")}
        rows={draft.hiddenRedFlags}
        pathOf={(i) => `hiddenRedFlags.${i}`}
        itemLabel={(n) => t("cases.form.redFlag", { n })}
        addLabel={t("cases.form.addRedFlag")}
        removeLabel={t("cases.form.remove")}
        errorOf={errorOf}
        control={control}
        onChange={(hiddenRedFlags) => edit({ hiddenRedFlags })}
      />

      <fieldset className="flex flex-col gap-6">
        <legend className="mb-3 text-base font-semibold text-slate-900">{t("cases.form.expected")}</legend>
        <div className="flex flex-col gap-4">
          <h3 className="text-sm font-semibold text-slate-900">{t("cases.form.mustAsk")}</h3>
          {errorOf("expected.mustAsk") ? <p className="text-sm font-medium text-crisis-700">{errorOf("expected.mustAsk")}</p> : null}
          {draft.mustAsk.map((q, i) => (
            <RowCard key={q.key} title={t("cases.form.mustAsk.question", { n: i + 1 })} removeLabel={t("cases.form.remove")} onRemove={() => edit({ mustAsk: draft.mustAsk.filter((x) => x.key !== q.key) })}>
              <Field label={t("cases.form.mustAsk.question", { n: i + 1 })} htmlFor={fid(`expected.mustAsk.${i}.question`)} error={errorOf(`expected.mustAsk.${i}.question`)} className="sm:col-span-3">
                <Input maxLength={300} {...control(`expected.mustAsk.${i}.question`)} value={q.question} onChange={(e) => edit({ mustAsk: replace(draft.mustAsk, i, { question: e.target.value }) })} />
              </Field>
              <Field label={t("cases.form.keywords")} htmlFor={fid(`expected.mustAsk.${i}.keywords`)} error={errorOf(`expected.mustAsk.${i}.keywords`)} className="sm:col-span-3">
                <Input {...control(`expected.mustAsk.${i}.keywords`)} value={q.keywords} onChange={(e) => edit({ mustAsk: replace(draft.mustAsk, i, { keywords: e.target.value }) })} />
              </Field>
            </RowCard>
          ))}
          <AddButton onClick={() => edit({ mustAsk: [...draft.mustAsk, { key: rowKey(), question: "", keywords: "" }] })}>{t("cases.form.addMustAsk")}</AddButton>
        </div>

        <div className="flex flex-col gap-4">
          <h3 className="text-sm font-semibold text-slate-900">{t("cases.form.escalation")}</h3>
          <Checkbox id={fid("expected.escalation.required")} checked={draft.escalationRequired} onChange={(escalationRequired) => edit({ escalationRequired })} label={t("cases.form.escalation.required")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("cases.form.escalation.category")} htmlFor={fid("expected.escalation.category")} error={errorOf("expected.escalation.category")}>
              <Select {...control("expected.escalation.category")} value={draft.escalationCategory} onChange={(e) => edit({ escalationCategory: e.target.value as CaseDraft["escalationCategory"] })}>
                <option value="">{t("cases.form.none")}</option>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`cases.category.${c}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("cases.form.escalation.urgency")} htmlFor={fid("expected.escalation.urgency")} error={errorOf("expected.escalation.urgency")}>
              <Select {...control("expected.escalation.urgency")} value={draft.escalationUrgency} onChange={(e) => edit({ escalationUrgency: e.target.value as CaseDraft["escalationUrgency"] })}>
                <option value="">{t("cases.form.none")}</option>
                {URGENCIES.map((u) => (
                  <option key={u} value={u}>
                    {t(`cases.urgency.${u}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        </div>

        <TextRows
          legend={t("cases.form.mustNotSay")}
          rows={draft.mustNotSay}
          pathOf={(i) => `expected.mustNotSay.${i}`}
          itemLabel={(n) => t("cases.form.mustNotSay.item", { n })}
          addLabel={t("cases.form.addMustNotSay")}
          removeLabel={t("cases.form.remove")}
          errorOf={errorOf}
          control={control}
          onChange={(mustNotSay) => edit({ mustNotSay })}
          nested
        />

        <Field label={t("cases.form.expectedAdvice")} htmlFor={fid("expected.expectedAdvice")} error={errorOf("expected.expectedAdvice")}>
          <Textarea maxLength={2000} rows={3} {...control("expected.expectedAdvice")} value={draft.expectedAdvice} onChange={(e) => edit({ expectedAdvice: e.target.value })} />
        </Field>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("cases.form.saving") : t("cases.form.save")}
        </Button>
        <Button asChild variant="secondary">
          <Link href="/studio/cases">{t("cases.backToLibrary")}</Link>
        </Button>
      </div>
    </form>
  );
}

function replace<T>(rows: T[], index: number, patch: Partial<T>): T[] {
  return rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
}

function Checkbox({ id, checked, onChange, label }: { id: string; checked: boolean; onChange: (checked: boolean) => void; label: string }) {
  return (
    <label htmlFor={id} className="flex min-h-11 cursor-pointer items-center gap-3 text-sm text-slate-800">
      <input id={id} type="checkbox" className="size-5 accent-brand-600" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

function AddButton({ onClick, children }: { onClick: () => void; children: React.ReactNode }) {
  return (
    <div>
      <Button variant="secondary" size="sm" onClick={onClick}>
        <Plus aria-hidden />
        {children}
      </Button>
    </div>
  );
}

function RowCard({ title, removeLabel, onRemove, children }: { title: string; removeLabel: string; onRemove: () => void; children: React.ReactNode }) {
  return (
    <div role="group" aria-label={title} className="rounded-lg border border-slate-200 bg-slate-50 p-3 sm:p-4">
      <div className="mb-2 flex items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-900">{title}</p>
        <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`${removeLabel}: ${title}`}>
          <Trash2 aria-hidden />
          <span className="hidden sm:inline">{removeLabel}</span>
        </Button>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">{children}</div>
    </div>
  );
}

type TextRow = { key: string; text: string };

/** A list of one-line texts (red flags, forbidden statements), each its own labelled field. */
function TextRows(props: {
  legend: string;
  hint?: string;
  rows: TextRow[];
  pathOf: (index: number) => string;
  itemLabel: (n: number) => string;
  addLabel: string;
  removeLabel: string;
  errorOf: (key: string) => string | undefined;
  control: (key: string) => object;
  onChange: (rows: TextRow[]) => void;
  nested?: boolean;
}) {
  const { rows, onChange } = props;
  const listKey = props.pathOf(0).replace(/\.0$/, "");
  const body = (
    <>
      {props.hint ? <p className="text-sm text-slate-700">{props.hint}</p> : null}
      {props.errorOf(listKey) ? <p className="text-sm font-medium text-crisis-700">{props.errorOf(listKey)}</p> : null}
      {rows.map((row, i) => {
        const key = props.pathOf(i);
        return (
          <div key={row.key} className="flex items-end gap-2">
            <Field label={props.itemLabel(i + 1)} htmlFor={fid(key)} error={props.errorOf(key)} className="flex-1">
              <Input maxLength={300} {...props.control(key)} value={row.text} onChange={(e) => onChange(rows.map((r) => (r.key === row.key ? { ...r, text: e.target.value } : r)))} />
            </Field>
            <Button variant="ghost" size="icon" aria-label={`${props.removeLabel}: ${props.itemLabel(i + 1)}`} onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
              <Trash2 aria-hidden />
            </Button>
          </div>
        );
      })}
      <AddButton onClick={() => onChange([...rows, { key: rowKey(), text: "" }])}>{props.addLabel}</AddButton>
    </>
  );
  if (props.nested) {
    return (
      <div className="flex flex-col gap-4">
        <h3 className="text-sm font-semibold text-slate-900">{props.legend}</h3>
        {body}
      </div>
    );
  }
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-3 text-base font-semibold text-slate-900">{props.legend}</legend>
      {body}
    </fieldset>
  );
}
