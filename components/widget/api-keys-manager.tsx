"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useId, useState } from "react";
import { useT } from "@/components/i18n/client";
import type { MessageKey } from "@/server/i18n/messages";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { API_KEY_SCOPES, type ApiKeyScope } from "@/db/schema/api-key-scopes";
import { CopyButton } from "./copy-button";

const scopeLabel = (s: ApiKeyScope) => `apiKeys.scope.${s}` as MessageKey;

/** Create (the full key shown once), list and revoke the organization's API keys. */
export function ApiKeysManager() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["avatars:read", "conversations:write"]);
  const date = (d: Date | null) => (d ? new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(d) : t("apiKeys.list.never"));

  return (
    <div className="flex flex-col gap-8">
      <form
        noValidate
        className="flex flex-col gap-4"
        aria-labelledby={`${id}-new`}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name, scopes }, { onSuccess: () => setName("") });
        }}
      >
        <h2 id={`${id}-new`} className="text-lg font-semibold text-slate-900">
          {t("apiKeys.create.title")}
        </h2>
        <Field label={t("apiKeys.create.name")} htmlFor={`${id}-name`} hint={t("apiKeys.create.nameHint")} className="max-w-md">
          <Input id={`${id}-name`} name="name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} aria-describedby={describedBy(`${id}-name`, { hint: true })} />
        </Field>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-900">{t("apiKeys.create.scopes")}</legend>
          {API_KEY_SCOPES.map((scope) => (
            <label key={scope} className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                className="size-4 accent-brand-700"
                checked={scopes.includes(scope)}
                onChange={(e) => setScopes((s) => (e.target.checked ? [...s, scope] : s.filter((x) => x !== scope)))}
              />
              {t(scopeLabel(scope))}
            </label>
          ))}
        </fieldset>
        {create.error ? (
          <Alert tone="danger" role="alert">
            {create.error.message}
          </Alert>
        ) : null}
        <div>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? <Spinner label={t("apiKeys.create.creating")} /> : <KeyRound aria-hidden />}
            {create.isPending ? null : t("apiKeys.create.submit")}
          </Button>
        </div>
        {create.data ? (
          <Alert tone="success" title={t("apiKeys.created.title")} data-testid="api-key-created">
            <p>{t("apiKeys.created.body")}</p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code aria-label={t("apiKeys.created.label")} className="rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-900" data-testid="api-key-value">
                {create.data.key}
              </code>
              <CopyButton text={create.data.key} />
            </div>
          </Alert>
        ) : null}
      </form>

      <section aria-labelledby={`${id}-list`} className="flex flex-col gap-3">
        <h2 id={`${id}-list`} className="text-lg font-semibold text-slate-900">
          {t("apiKeys.list.title")}
        </h2>
        {keys.isPending ? (
          <Spinner label={t("common.loading")} />
        ) : keys.error ? (
          <Alert tone="danger" role="alert">
            {keys.error.message}
          </Alert>
        ) : keys.data.length === 0 ? (
          <p className="text-slate-700">{t("apiKeys.list.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm" data-testid="api-keys">
              <thead className="border-b border-slate-200 text-slate-700">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("apiKeys.list.name")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("apiKeys.list.prefix")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("apiKeys.list.scopes")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("apiKeys.list.created")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("apiKeys.list.lastUsed")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("apiKeys.list.status")}</th>
                </tr>
              </thead>
              <tbody>
                {keys.data.map((k) => (
                  <tr key={k.id} className="border-b border-slate-100 align-top">
                    <td className="py-2 pr-3 font-medium text-slate-900">{k.name}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{k.prefix}…</td>
                    <td className="py-2 pr-3">
                      <ul className="flex flex-wrap gap-1">
                        {k.scopes.map((s) => (
                          <li key={s}>
                            <Badge>{s}</Badge>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="py-2 pr-3">{date(k.createdAt)}</td>
                    <td className="py-2 pr-3">{date(k.lastUsedAt)}</td>
                    <td className="py-2 pr-3">
                      {k.revokedAt ? (
                        <Badge>{t("apiKeys.list.revoked")}</Badge>
                      ) : (
                        <div className="flex flex-wrap items-center gap-2">
                          <span className="text-emerald-800">{t("apiKeys.list.active")}</span>
                          <ConfirmDialog
                            trigger={
                              <Button variant="secondary" size="sm" disabled={revoke.isPending}>
                                {t("apiKeys.revoke")}
                              </Button>
                            }
                            title={t("apiKeys.revoke.title", { name: k.name })}
                            description={t("apiKeys.revoke.body")}
                            confirmLabel={t("apiKeys.revoke")}
                            cancelLabel={t("common.cancel")}
                            onConfirm={() => revoke.mutate({ keyId: k.id })}
                          />
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {revoke.error ? (
          <Alert tone="danger" role="alert">
            {revoke.error.message}
          </Alert>
        ) : null}
      </section>
    </div>
  );
}
