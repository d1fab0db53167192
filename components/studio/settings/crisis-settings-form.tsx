"use client";

import { useMutation } from "@tanstack/react-query";
import { Save } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useT } from "@/components/i18n/client";
import type { MessageKey } from "@/server/i18n/messages";
import { type RouterInputs, type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { DESTINATION_KINDS, type DestinationKind, CRISIS_LIMITS as L, TAKES_SECRET } from "@/server/orgs/crisis-settings.limits";
import { type CrisisField, type PlacedError, placeIssues, type UiMessage } from "./crisis-settings-errors";
import { type HotlineRow, HotlineListEditor, hotlineAddId, hotlineInputId } from "./hotline-list-editor";
import { TestAlertButton } from "./test-alert-button";
import { WebhookSecretField } from "./webhook-secret-field";

export type CrisisSettings = RouterOutputs["org"]["updateCrisisSettings"];

interface Draft {
  webhookKind: DestinationKind;
  webhookUrl: string;
  /** Empty keeps the saved secret: it is never read back. */
  webhookSecret: string;
  alertPatientText: boolean;
  notifyEmail: string;
  responseTargetMinutes: string;
  hotlines: HotlineRow[];
}

/** A server error placed on the form; hotline errors follow their line (by key), not its position. */
type ShownError = Exclude<PlacedError, { field: "hotline" }> | { field: "hotline"; rowKey: string; part: "label" | "number"; message: UiMessage };

const FIELD_LABELS: Record<CrisisField, MessageKey> = {
  webhookUrl: "settings.crisis.webhookUrl",
  webhookSecret: "settings.crisis.webhookSecret",
  notifyEmail: "settings.crisis.notifyEmail",
  responseTargetMinutes: "settings.crisis.responseTarget",
  extraHotlines: "settings.crisis.hotlines",
};

function draftOf(settings: CrisisSettings): Draft {
  return {
    webhookKind: settings.webhookKind,
    webhookUrl: settings.webhookUrl,
    webhookSecret: "",
    alertPatientText: settings.alertPatientText,
    notifyEmail: settings.notifyEmail,
    responseTargetMinutes: String(settings.responseTargetMinutes),
    hotlines: settings.extraHotlines.map((h, i) => ({ key: `saved-${i}`, ...h })),
  };
}

function inputOf(draft: Draft): RouterInputs["org"]["updateCrisisSettings"] {
  const minutes = draft.responseTargetMinutes.trim();
  return {
    webhookKind: draft.webhookKind,
    webhookUrl: draft.webhookUrl.trim(),
    // A destination that takes no secret is sent none, whatever was typed before switching to it.
    webhookSecret: TAKES_SECRET.has(draft.webhookKind) ? draft.webhookSecret.trim() : "",
    alertPatientText: draft.alertPatientText,
    notifyEmail: draft.notifyEmail.trim(),
    // An empty box is sent as NaN so the server's rule (and its message) applies, not a made-up number.
    responseTargetMinutes: minutes === "" ? Number.NaN : Number(minutes),
    extraHotlines: draft.hotlines.map(({ label, number }) => ({ label, number })),
  };
}

/** The organization's crisis routing: where escalations are sent, how fast they must be answered, and its own lines. */
export function CrisisSettingsForm({ initial, emailReady, labelledBy }: { initial: CrisisSettings; emailReady: boolean; labelledBy: string }) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const [settings, setSettings] = useState(initial);
  const [draft, setDraft] = useState(() => draftOf(initial));
  const [errors, setErrors] = useState<ShownError[]>([]);
  /** A failure that is not about a field (no connection, no permission), shown whole. */
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const focusFirstError = useRef(false);
  const save = useMutation(trpc.org.updateCrisisSettings.mutationOptions());

  const fieldId = (field: CrisisField) => (field === "extraHotlines" ? hotlineAddId(id) : `${id}-${field}`);
  const inputIdOf = (e: ShownError) => (e.field === "hotline" ? hotlineInputId(id, e.rowKey, e.part) : fieldId(e.field));
  const say = (m: UiMessage) => t(m.key, m.vars);
  const errorOf = (field: CrisisField) => {
    const e = errors.find((x) => x.field === field);
    return e ? say(e.message) : undefined;
  };
  const hotlineErrorOf = (rowKey: string, part: "label" | "number") => {
    const e = errors.find((x) => x.field === "hotline" && x.rowKey === rowKey && x.part === part);
    return e ? say(e.message) : undefined;
  };
  // Errors of a line removed since are dropped; the others are named after the line's current number.
  const summary = errors.flatMap((e) => {
    const item = (field: string) => [{ id: inputIdOf(e), text: t("settings.crisis.errorItem", { field, message: say(e.message) }) }];
    if (e.field !== "hotline") return item(t(FIELD_LABELS[e.field]));
    const row = draft.hotlines.findIndex((r) => r.key === e.rowKey);
    const part = t(e.part === "label" ? "settings.crisis.hotlines.label" : "settings.crisis.hotlines.number");
    return row < 0 ? [] : item(t("settings.crisis.hotlines.field", { n: row + 1, field: part }));
  });

  useEffect(() => {
    if (!focusFirstError.current || !summary[0]) return;
    focusFirstError.current = false;
    document.getElementById(summary[0].id)?.focus();
  });

  function edit(patch: Partial<Draft>) {
    // An edited field's error is out of date: drop it rather than blame a value that may now be right.
    const outdated = (e: ShownError) => {
      if (e.field === "extraHotlines") return patch.hotlines !== undefined;
      if (e.field !== "hotline") return e.field in patch;
      const before = draft.hotlines.find((r) => r.key === e.rowKey);
      return patch.hotlines !== undefined && patch.hotlines.find((r) => r.key === e.rowKey)?.[e.part] !== before?.[e.part];
    };
    setErrors((current) => current.filter((e) => !outdated(e)));
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submittedRows = draft.hotlines;
    setAttempt((n) => n + 1);
    setSaved(false);
    save.mutate(inputOf(draft), {
      onSuccess: (next) => {
        setSettings(next);
        setDraft(draftOf(next));
        setErrors([]);
        setFailure(null);
        setSaved(true);
      },
      onError: (error) => {
        const placed = placeIssues(error.data?.zodIssues ?? []).flatMap<ShownError>((p) => {
          if (p.field !== "hotline") return [p];
          const row = submittedRows[p.row];
          return row ? [{ field: "hotline", rowKey: row.key, part: p.part, message: p.message }] : [];
        });
        setErrors(placed);
        setFailure(placed.length === 0 ? error.message : null);
        focusFirstError.current = true;
      },
    });
  }

  const text = (field: "webhookUrl" | "notifyEmail") => ({
    id: fieldId(field),
    name: field,
    value: draft[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => edit({ [field]: event.target.value }),
    autoComplete: "off",
    spellCheck: false,
    "aria-invalid": errorOf(field) ? true : undefined,
    "aria-describedby": describedBy(fieldId(field), { hint: true, error: Boolean(errorOf(field)) }),
  });
  const hotlinesHintId = `${id}-hotlines-hint`;
  const hotlinesErrorId = `${id}-hotlines-error`;

  return (
    <form noValidate onSubmit={submit} aria-labelledby={labelledBy} aria-busy={save.isPending} className="flex flex-col gap-8">
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-3 text-base font-semibold text-slate-900">{t("settings.crisis.notify")}</legend>
        <Field label={t("dest.kind")} htmlFor={`${id}-webhookKind`} hint={t("dest.kind.hint")}>
          <Select
            id={`${id}-webhookKind`}
            name="webhookKind"
            value={draft.webhookKind}
            // A secret belongs to its platform: switching starts the secret over (the saved one is dropped on save).
            onChange={(event) => edit({ webhookKind: event.target.value as DestinationKind, webhookSecret: "" })}
            aria-describedby={describedBy(`${id}-webhookKind`, { hint: true })}
          >
            {DESTINATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`dest.kind.${kind}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("settings.crisis.webhookUrl")} htmlFor={fieldId("webhookUrl")} hint={t(`dest.url.hint.${draft.webhookKind}`)} error={errorOf("webhookUrl")}>
          <Input type="url" inputMode="url" placeholder="https://" maxLength={L.webhookUrlMax} {...text("webhookUrl")} />
        </Field>
        {TAKES_SECRET.has(draft.webhookKind) ? (
          <WebhookSecretField
            id={fieldId("webhookSecret")}
            kind={draft.webhookKind}
            value={draft.webhookSecret}
            hasSecret={settings.hasWebhookSecret && settings.webhookKind === draft.webhookKind}
            error={errorOf("webhookSecret")}
            onChange={(webhookSecret) => edit({ webhookSecret })}
          />
        ) : null}
        <div className="flex items-start gap-3">
          <input
            id={`${id}-alertPatientText`}
            name="alertPatientText"
            type="checkbox"
            className="mt-0.5 size-5 shrink-0 accent-brand-600"
            checked={draft.alertPatientText}
            onChange={(event) => edit({ alertPatientText: event.target.checked })}
            aria-describedby={`${id}-alertPatientText-hint`}
          />
          <div>
            <label htmlFor={`${id}-alertPatientText`} className="font-medium text-slate-900">
              {t("dest.patientText")}
            </label>
            <p id={`${id}-alertPatientText-hint`} className="text-sm text-slate-700">
              {t("dest.patientText.hint")}
            </p>
          </div>
        </div>
        <Field
          label={t("settings.crisis.notifyEmail")}
          htmlFor={fieldId("notifyEmail")}
          hint={
            <>
              {t("settings.crisis.notifyEmail.hint")}
              {emailReady ? null : <span className="mt-1 block">{t("settings.crisis.notifyEmail.noSmtp")}</span>}
            </>
          }
          error={errorOf("notifyEmail")}
        >
          <Input type="email" inputMode="email" {...text("notifyEmail")} />
        </Field>
        <TestAlertButton departmentId={null} disabled={!settings.webhookUrl && !settings.notifyEmail} />
      </fieldset>

      <Field
        label={t("settings.crisis.responseTarget")}
        htmlFor={fieldId("responseTargetMinutes")}
        hint={t("settings.crisis.responseTarget.hint", { min: L.responseTargetMinutesMin, max: L.responseTargetMinutesMax })}
        error={errorOf("responseTargetMinutes")}
      >
        <Input
          id={fieldId("responseTargetMinutes")}
          name="responseTargetMinutes"
          type="number"
          inputMode="numeric"
          min={L.responseTargetMinutesMin}
          max={L.responseTargetMinutesMax}
          step={1}
          value={draft.responseTargetMinutes}
          onChange={(event) => edit({ responseTargetMinutes: event.target.value })}
          className="max-w-40"
          aria-invalid={errorOf("responseTargetMinutes") ? true : undefined}
          aria-describedby={describedBy(fieldId("responseTargetMinutes"), { hint: true, error: Boolean(errorOf("responseTargetMinutes")) })}
        />
      </Field>

      <fieldset className="flex flex-col gap-3" aria-describedby={errorOf("extraHotlines") ? `${hotlinesErrorId} ${hotlinesHintId}` : hotlinesHintId}>
        <legend className="mb-1 text-base font-semibold text-slate-900">{t("settings.crisis.hotlines")}</legend>
        <p id={hotlinesHintId} className="text-sm text-slate-700">
          {t("settings.crisis.hotlines.hint", { max: L.extraHotlinesMax })}
        </p>
        {errorOf("extraHotlines") ? (
          <p id={hotlinesErrorId} className="text-sm font-medium text-crisis-700">
            {errorOf("extraHotlines")}
          </p>
        ) : null}
        <HotlineListEditor idPrefix={id} rows={draft.hotlines} errorOf={hotlineErrorOf} onChange={(hotlines) => edit({ hotlines })} />
      </fieldset>

      {summary.length > 0 ? (
        <Alert key={attempt} tone="danger" role="alert" title={t("settings.crisis.errors")} data-testid="settings-errors">
          <ul className="mt-1 list-disc pl-5">
            {summary.map((e) => (
              <li key={e.id}>{e.text}</li>
            ))}
          </ul>
        </Alert>
      ) : failure ? (
        <Alert key={attempt} tone="danger" role="alert" title={t("settings.crisis.saveFailed")}>
          {failure}
        </Alert>
      ) : null}
      {saved ? (
        <Alert tone="success" role="status">
          {t("settings.crisis.saved")}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? <Spinner /> : <Save aria-hidden />}
          {save.isPending ? t("settings.crisis.saving") : t("settings.crisis.save")}
        </Button>
      </div>
    </form>
  );
}
