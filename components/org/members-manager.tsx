"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UserMinus } from "lucide-react";
import { useState } from "react";
import { useT } from "@/components/i18n/client";
import type { MessageKey } from "@/server/i18n/messages";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
import { ROLES, type Role } from "@/server/principal/permissions";
import { orgErrorMessage } from "./org-errors";

type Member = RouterOutputs["org"]["members"][number];
type Department = RouterOutputs["org"]["departments"][number];

export const roleLabel = (role: Role): MessageKey => `org.role.${role}`;

/** The organization's members: change role and department, or remove (with the last-admin rule explained). */
export function MembersManager({ initial, departments, selfId }: { initial: Member[]; departments: Department[]; selfId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery({ ...trpc.org.members.queryOptions(), initialData: initial });
  const [status, setStatus] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.org.members.queryKey() });
  const update = useMutation(trpc.org.updateMember.mutationOptions());
  const remove = useMutation(trpc.org.removeMember.mutationOptions());
  const known = { CONFLICT: "org.error.lastAdmin" } as const;

  function change(member: Member, patch: { role?: Role; departmentId?: string | null }) {
    setStatus(null);
    update.mutate(
      { userId: member.userId, role: patch.role ?? member.role, departmentId: patch.departmentId === undefined ? member.departmentId : patch.departmentId },
      {
        onSuccess: () => setStatus({ tone: "success", text: t("org.members.saved") }),
        onError: (e) => setStatus({ tone: "danger", text: orgErrorMessage(e, t, known) }),
        onSettled: refresh,
      },
    );
  }

  function removeMember(member: Member) {
    setStatus(null);
    remove.mutate(
      { userId: member.userId },
      {
        onSuccess: () => setStatus({ tone: "success", text: t("org.members.removed", { name: member.name }) }),
        onError: (e) => setStatus({ tone: "danger", text: orgErrorMessage(e, t, known) }),
        onSettled: refresh,
      },
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <div aria-live="polite">{status ? <Alert tone={status.tone} role={status.tone === "danger" ? "alert" : undefined}>{status.text}</Alert> : null}</div>
      <ul className="flex flex-col divide-y divide-slate-200" aria-label={t("org.members.title")}>
        {members.data.map((m) => (
          <li key={m.userId} className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center" data-testid="member-row">
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">
                {m.name} {m.userId === selfId ? <span className="text-sm font-normal text-slate-600">{t("org.members.you")}</span> : null}
              </p>
              <p className="truncate text-sm text-slate-600">{m.email}</p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <Select
                aria-label={t("org.members.roleOf", { name: m.name })}
                value={m.role}
                disabled={update.isPending}
                onChange={(e) => change(m, { role: e.target.value as Role })}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(roleLabel(r))}
                  </option>
                ))}
              </Select>
              <Select
                aria-label={t("org.members.departmentOf", { name: m.name })}
                value={m.departmentId ?? ""}
                disabled={update.isPending}
                onChange={(e) => change(m, { departmentId: e.target.value || null })}
              >
                <option value="">{t("org.noDepartment")}</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
              <ConfirmDialog
                trigger={
                  <Button variant="ghost" size="sm" aria-label={`${t("org.members.remove")} ${m.name}`} disabled={remove.isPending}>
                    <UserMinus aria-hidden />
                    {t("org.members.remove")}
                  </Button>
                }
                title={t("org.members.removeTitle", { name: m.name })}
                description={t("org.members.removeBody", { name: m.name })}
                confirmLabel={t("org.members.remove")}
                cancelLabel={t("common.cancel")}
                onConfirm={() => removeMember(m)}
              />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
