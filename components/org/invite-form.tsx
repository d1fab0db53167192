"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Copy, Send } from "lucide-react";
import { useId, useState } from "react";
import { useLocale, useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { ROLES, type Role } from "@/server/principal/permissions";
import { roleLabel } from "./members-manager";
import { orgErrorMessage } from "./org-errors";

type Department = RouterOutputs["org"]["departments"][number];
type Invitation = RouterOutputs["org"]["invitations"][number];
type Sent = RouterOutputs["org"]["invite"];

/** Invites a member by e-mail; without SMTP the one-time link is shown to copy. Lists open invitations. */
export function InviteForm({ departments, initial }: { departments: Department[]; initial: Invitation[] }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const id = useId();
  const queryClient = useQueryClient();
  const open = useQuery({ ...trpc.org.invitations.queryOptions(), initialData: initial });
  const invite = useMutation(trpc.org.invite.mutationOptions());
  const revoke = useMutation(trpc.org.revokeInvitation.mutationOptions());
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("doctor");
  const [departmentId, setDepartmentId] = useState("");
  const [sent, setSent] = useState<Sent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.org.invitations.queryKey() });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSent(null);
    setCopied(false);
    invite.mutate(
      { email, role, departmentId: departmentId || null, linkBase: window.location.origin },
      {
        onSuccess: (result) => {
          setSent(result);
          setEmail("");
        },
        onError: (e) => setError(orgErrorMessage(e, t, { CONFLICT: "org.error.alreadyMember", BAD_REQUEST: "org.error.invalidEmail" })),
        onSettled: refresh,
      },
    );
  }

  const date = (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(d);
  return (
    <div className="flex flex-col gap-5">
      <form onSubmit={submit} className="flex flex-col gap-4" aria-busy={invite.isPending} noValidate>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={t("org.invite.email")} htmlFor={`${id}-email`} error={error ?? undefined} className="sm:col-span-3">
            <Input
              id={`${id}-email`}
              type="email"
              autoComplete="off"
              required
              maxLength={200}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(`${id}-email`, { error: Boolean(error) })}
            />
          </Field>
          <Field label={t("org.invite.role")} htmlFor={`${id}-role`}>
            <Select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(roleLabel(r))}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("org.invite.department")} htmlFor={`${id}-department`}>
            <Select id={`${id}-department`} value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
              <option value="">{t("org.noDepartment")}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex items-end">
            <Button type="submit" disabled={invite.isPending} className="w-full sm:w-auto">
              {invite.isPending ? <Spinner /> : <Send aria-hidden />}
              {invite.isPending ? t("org.invite.pending") : t("org.invite.submit")}
            </Button>
          </div>
        </div>
      </form>
      <div aria-live="polite">
        {sent ? (
          sent.emailed ? (
            <Alert tone="success">{t("org.invite.emailed", { email: sent.email })}</Alert>
          ) : (
            <Alert tone="warning">
              <p>{t("org.invite.noSmtp", { email: sent.email })}</p>
              <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center">
                <Input readOnly aria-label={t("org.invite.linkLabel")} value={sent.link} data-testid="invite-link" onFocus={(e) => e.currentTarget.select()} />
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => navigator.clipboard?.writeText(sent.link).then(() => setCopied(true), () => setCopied(false))}
                >
                  <Copy aria-hidden />
                  {copied ? t("org.invite.copied") : t("org.invite.copy")}
                </Button>
              </div>
            </Alert>
          )
        ) : null}
      </div>
      <section aria-labelledby={`${id}-open`} className="flex flex-col gap-2">
        <h3 id={`${id}-open`} className="font-semibold text-slate-900">
          {t("org.invite.open")}
        </h3>
        {open.data.length === 0 ? (
          <p className="text-sm text-slate-600">{t("org.invite.none")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200">
            {open.data.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                <span className="min-w-0 flex-1 truncate font-medium text-slate-900">{inv.email}</span>
                <span className="text-slate-700">{t(roleLabel(inv.role))}</span>
                <span className="text-slate-600">{inv.departmentName ?? t("org.noDepartment")}</span>
                <span className="text-slate-600">{t("org.invite.expires", { date: date(inv.expiresAt) })}</span>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={t("org.invite.revokeLabel", { email: inv.email })}
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ invitationId: inv.id }, { onSettled: refresh })}
                >
                  {t("org.invite.revoke")}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
