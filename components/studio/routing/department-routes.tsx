"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Save } from "lucide-react";
import { useId, useState } from "react";
import { useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { webhookSecretMessage, webhookUrlMessage } from "@/components/studio/settings/crisis-settings-errors";
import { TestAlertButton } from "@/components/studio/settings/test-alert-button";
import { DESTINATION_KINDS, type DestinationKind, TAKES_SECRET } from "@/server/orgs/crisis-settings.limits";

type Route = RouterOutputs["routing"]["departmentRoutes"][number];

function DepartmentRouteForm({ route }: { route: Route }) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const [kind, setKind] = useState<DestinationKind>(route.webhookKind);
  const [draft, setDraft] = useState({
    webhookUrl: route.webhookUrl,
    webhookSecret: "",
    notifyEmail: route.notifyEmail,
    target: route.responseTargetMinutes === null ? "" : String(route.responseTargetMinutes),
  });
  const save = useMutation(trpc.routing.updateDepartmentRoute.mutationOptions());
  const field = (name: keyof typeof draft) => ({
    id: `${id}-${name}`,
    value: draft[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      save.reset();
      setDraft((d) => ({ ...d, [name]: e.target.value }));
    },
  });
  const headingId = `${id}-heading`;
  // A refused webhook (e.g. an internal address) is worded on its field, in the UI's language.
  const webhookIssue = save.error?.data?.zodIssues?.find((i) => i.path[0] === "webhookUrl");
  const webhookError = webhookIssue ? t(webhookUrlMessage(webhookIssue).key, webhookUrlMessage(webhookIssue).vars) : undefined;
  const secretIssue = save.error?.data?.zodIssues?.find((i) => i.path[0] === "webhookSecret");
  const secretError = secretIssue ? t(webhookSecretMessage(secretIssue).key, webhookSecretMessage(secretIssue).vars) : undefined;

  return (
    <form
      aria-labelledby={headingId}
      className="grid gap-3 rounded-xl border border-slate-200 p-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        const target = draft.target.trim();
        save.mutate({
          departmentId: route.departmentId,
          webhookKind: kind,
          webhookUrl: draft.webhookUrl.trim(),
          webhookSecret: TAKES_SECRET.has(kind) ? draft.webhookSecret.trim() : "",
          notifyEmail: draft.notifyEmail.trim(),
          responseTargetMinutes: target === "" ? null : Number(target),
        });
      }}
    >
      <h3 id={headingId} className="font-semibold text-slate-900 sm:col-span-2">
        {route.name}
      </h3>
      <Field label={t("dest.kind")} htmlFor={`${id}-webhookKind`}>
        <Select
          id={`${id}-webhookKind`}
          value={kind}
          onChange={(e) => {
            save.reset();
            setKind(e.target.value as DestinationKind);
            setDraft((d) => ({ ...d, webhookSecret: "" }));
          }}
        >
          {DESTINATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`dest.kind.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("routing.dept.webhookUrl")} htmlFor={`${id}-webhookUrl`} hint={t(`dest.url.hint.${kind}`)} error={webhookError}>
        <Input
          {...field("webhookUrl")}
          type="url"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={webhookError ? true : undefined}
          aria-describedby={describedBy(`${id}-webhookUrl`, { hint: true, error: Boolean(webhookError) })}
        />
      </Field>
      {TAKES_SECRET.has(kind) ? (
        <Field
          label={kind === "webhook" ? t("routing.dept.webhookSecret") : t("dest.secret.robot")}
          htmlFor={`${id}-webhookSecret`}
          hint={route.hasWebhookSecret && route.webhookKind === kind ? t("routing.dept.secretKept") : undefined}
          error={secretError}
        >
          <Input
            {...field("webhookSecret")}
            type="password"
            autoComplete="new-password"
            aria-invalid={secretError ? true : undefined}
            aria-describedby={describedBy(`${id}-webhookSecret`, { hint: route.hasWebhookSecret && route.webhookKind === kind, error: Boolean(secretError) })}
          />
        </Field>
      ) : null}
      <Field label={t("routing.dept.notifyEmail")} htmlFor={`${id}-notifyEmail`}>
        <Input {...field("notifyEmail")} type="email" autoComplete="off" />
      </Field>
      <Field label={t("routing.dept.target")} htmlFor={`${id}-target`} hint={t("routing.dept.targetHint")}>
        <Input {...field("target")} inputMode="numeric" aria-describedby={describedBy(`${id}-target`, { hint: true })} />
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          <Save aria-hidden />
          {t("routing.dept.save", { name: route.name })}
        </Button>
        {save.isSuccess ? (
          <p role="status" className="text-sm text-brand-800">
            {t("routing.dept.saved")}
          </p>
        ) : null}
      </div>
      <div className="sm:col-span-2">
        <TestAlertButton departmentId={route.departmentId} disabled={!route.webhookUrl && !route.notifyEmail && !save.data?.webhookUrl && !save.data?.notifyEmail} />
      </div>
      {save.isError ? (
        <Alert tone="danger" role="alert" className="sm:col-span-2">
          {webhookError ?? secretError ?? save.error.message}
        </Alert>
      ) : null}
    </form>
  );
}

/** Each department's own crisis targets. */
export function DepartmentRoutes() {
  const t = useT();
  const trpc = useTRPC();
  const routes = useQuery(trpc.routing.departmentRoutes.queryOptions());
  if (!routes.data) return null;
  if (routes.data.length === 0) return <p className="text-sm text-slate-700">{t("routing.dept.none")}</p>;
  return (
    <div className="flex flex-col gap-4">
      {routes.data.map((r) => (
        <DepartmentRouteForm key={r.departmentId} route={r} />
      ))}
    </div>
  );
}
