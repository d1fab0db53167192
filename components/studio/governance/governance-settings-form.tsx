"use client";

import { useMutation } from "@tanstack/react-query";
import { Save } from "lucide-react";
import { useId, useState } from "react";
import { useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";

type GovernanceSettings = RouterOutputs["governance"]["settings"];

/** Review before publishing, test questions that must pass, and how long patient conversations are kept. */
export function GovernanceSettingsForm({ initial }: { initial: GovernanceSettings }) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const [requireApproval, setRequireApproval] = useState(initial.requirePublishApproval);
  const [requireTests, setRequireTests] = useState(initial.requireTestQuestions);
  const [retention, setRetention] = useState(initial.conversationRetentionDays === null ? "" : String(initial.conversationRetentionDays));
  const [saved, setSaved] = useState(false);
  const save = useMutation(trpc.governance.updateSettings.mutationOptions({ onSuccess: () => setSaved(true) }));
  const retentionId = `${id}-retention`;
  const approvalId = `${id}-approval`;
  const testsId = `${id}-tests`;
  const error = save.error?.message;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const days = retention.trim();
    save.mutate({ requirePublishApproval: requireApproval, requireTestQuestions: requireTests, conversationRetentionDays: days === "" ? null : Number(days) });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
      <div className="flex items-start gap-3">
        <Switch id={approvalId} checked={requireApproval} onCheckedChange={(v) => { setRequireApproval(v); setSaved(false); }} aria-describedby={`${approvalId}-hint`} />
        <div className="flex flex-col gap-1">
          <Label htmlFor={approvalId}>{t("governance.settings.requireApproval")}</Label>
          <p id={`${approvalId}-hint`} className="text-xs text-slate-600">
            {t("governance.settings.requireApprovalHint")}
          </p>
        </div>
      </div>
      <div className="flex items-start gap-3">
        <Switch id={testsId} checked={requireTests} onCheckedChange={(v) => { setRequireTests(v); setSaved(false); }} aria-describedby={`${testsId}-hint`} />
        <div className="flex flex-col gap-1">
          <Label htmlFor={testsId}>{t("governance.settings.requireTests")}</Label>
          <p id={`${testsId}-hint`} className="text-xs text-slate-600">
            {t("governance.settings.requireTestsHint")}
          </p>
        </div>
      </div>
      <Field label={t("governance.settings.retention")} htmlFor={retentionId} hint={t("governance.settings.retentionHint")} error={error} className="max-w-xs">
        <Input
          id={retentionId}
          inputMode="numeric"
          value={retention}
          onChange={(e) => { setRetention(e.target.value); setSaved(false); }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(retentionId, { hint: true, error: Boolean(error) })}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          <Save aria-hidden />
          {t("governance.settings.save")}
        </Button>
        {saved ? (
          <p role="status" className="text-sm text-brand-800">
            {t("governance.settings.saved")}
          </p>
        ) : null}
      </div>
      {error ? <Alert tone="danger" role="alert">{error}</Alert> : null}
    </form>
  );
}
