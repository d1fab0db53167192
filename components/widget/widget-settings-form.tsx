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
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { WIDGET_LIMITS } from "@/server/widget/origins";
import { CopyButton } from "./copy-button";

export type WidgetSettings = RouterOutputs["widget"]["settings"];

/** Allowed origins, rate limit, and the snippet to paste (for one avatar or the organization's picker). */
export function WidgetSettingsForm({ initial, appOrigin }: { initial: WidgetSettings; appOrigin: string }) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const [settings, setSettings] = useState(initial);
  const [origins, setOrigins] = useState(initial.allowedOrigins.join("\n"));
  const [rate, setRate] = useState(String(initial.rateLimitPerMinute));
  const [saved, setSaved] = useState(false);
  const [target, setTarget] = useState(initial.publishedAvatars[0]?.slug ?? "");
  const save = useMutation(trpc.widget.updateSettings.mutationOptions());
  const error = save.error?.message;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const allowedOrigins = origins
      .split(/\s+/)
      .map((o) => o.trim())
      .filter(Boolean);
    // An empty box is sent as NaN so the server's rule (and its message) applies.
    save.mutate(
      { allowedOrigins, rateLimitPerMinute: rate.trim() === "" ? Number.NaN : Number(rate) },
      {
        onSuccess: (next) => {
          setSettings(next);
          setOrigins(next.allowedOrigins.join("\n"));
          setRate(String(next.rateLimitPerMinute));
          setSaved(true);
        },
      },
    );
  }

  const attribute = target ? `data-avatar="${target}"` : `data-org="${settings.orgSlug}"`;
  const script = `<script src="${appOrigin}/widget.js" ${attribute} async></script>`;
  const framePath = target ? `/embed/${target}` : `/embed/org/${settings.orgSlug}`;
  const iframe = `<iframe src="${appOrigin}${framePath}" title="${t("widget.settings.title")}" style="width:400px;height:640px;border:0"></iframe>`;

  return (
    <div className="flex flex-col gap-8">
      <form onSubmit={submit} noValidate className="flex flex-col gap-5" aria-describedby={error ? `${id}-failure` : undefined}>
        <Field label={t("widget.settings.origins.label")} htmlFor={`${id}-origins`} hint={t("widget.settings.origins.hint")}>
          <Textarea
            id={`${id}-origins`}
            name="allowedOrigins"
            rows={4}
            value={origins}
            spellCheck={false}
            autoComplete="off"
            placeholder="https://www.hospital.example"
            onChange={(e) => {
              setOrigins(e.target.value);
              setSaved(false);
            }}
            aria-describedby={describedBy(`${id}-origins`, { hint: true })}
          />
        </Field>
        {settings.allowedOrigins.length === 0 ? (
          <Alert tone="warning" data-testid="widget-no-origins">
            {t("widget.settings.origins.none")}
          </Alert>
        ) : null}
        <Field label={t("widget.settings.rate.label")} htmlFor={`${id}-rate`} hint={t("widget.settings.rate.hint")} className="max-w-xs">
          <Input
            id={`${id}-rate`}
            name="rateLimitPerMinute"
            type="number"
            inputMode="numeric"
            min={WIDGET_LIMITS.rateMin}
            max={WIDGET_LIMITS.rateMax}
            value={rate}
            onChange={(e) => {
              setRate(e.target.value);
              setSaved(false);
            }}
            aria-describedby={describedBy(`${id}-rate`, { hint: true })}
          />
        </Field>
        {error ? (
          <Alert tone="danger" role="alert" id={`${id}-failure`}>
            {error}
          </Alert>
        ) : null}
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? <Spinner label={t("widget.settings.saving")} /> : <Save aria-hidden />}
            {save.isPending ? null : t("widget.settings.save")}
          </Button>
          <p role="status" className="text-sm text-emerald-800">
            {saved ? t("widget.settings.saved") : ""}
          </p>
        </div>
      </form>

      <section aria-labelledby={`${id}-snippet`} className="flex flex-col gap-3">
        <h2 id={`${id}-snippet`} className="text-lg font-semibold text-slate-900">
          {t("widget.settings.snippet.title")}
        </h2>
        <p className="text-sm text-slate-700">{t("widget.settings.snippet.lead")}</p>
        {settings.publishedAvatars.length === 0 ? <Alert tone="info">{t("widget.settings.snippet.noAvatars")}</Alert> : null}
        <Field label={t("widget.settings.snippet.target")} htmlFor={`${id}-target`} className="max-w-md">
          <Select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
            {settings.publishedAvatars.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
            <option value="">{t("widget.settings.snippet.picker")}</option>
          </Select>
        </Field>
        <Snippet label={t("widget.settings.snippet.script")} code={script} testId="widget-snippet" />
        <Snippet label={t("widget.settings.snippet.iframe")} code={iframe} testId="widget-iframe-snippet" />
      </section>
    </div>
  );
}

function Snippet({ label, code, testId }: { label: string; code: string; testId: string }) {
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-900">{label}</p>
        <CopyButton text={code} />
      </div>
      <pre tabIndex={0} role="region" aria-label={label} className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-50" data-testid={testId}>
        <code>{code}</code>
      </pre>
    </div>
  );
}
