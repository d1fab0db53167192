"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Building2, Plus, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { orgErrorMessage } from "./org-errors";

type Department = RouterOutputs["org"]["departments"][number];

function DepartmentRow({ department, onChanged, onError }: { department: Department; onChanged: (text: string) => void; onError: (e: unknown) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const [name, setName] = useState(department.name);
  const [description, setDescription] = useState(department.description);
  const update = useMutation(trpc.org.updateDepartment.mutationOptions());
  const remove = useMutation(trpc.org.deleteDepartment.mutationOptions());
  return (
    <li className="py-3">
      <form
        aria-label={t("org.departments.edit", { name: department.name })}
        className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ departmentId: department.id, name, description }, { onSuccess: () => onChanged(t("org.departments.saved")), onError });
        }}
      >
        <Field label={t("org.departments.name")} htmlFor={`${id}-name`}>
          <Input id={`${id}-name`} value={name} required maxLength={80} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t("org.departments.description")} htmlFor={`${id}-description`}>
          <Input id={`${id}-description`} value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary" disabled={update.isPending}>
            {update.isPending ? <Spinner /> : null}
            {t("org.departments.save")}
          </Button>
          <ConfirmDialog
            trigger={
              <Button variant="ghost" aria-label={`${t("org.departments.delete")} ${department.name}`} disabled={remove.isPending}>
                <Trash2 aria-hidden />
              </Button>
            }
            title={t("org.departments.deleteTitle", { name: department.name })}
            description={t("org.departments.deleteBody")}
            confirmLabel={t("org.departments.delete")}
            cancelLabel={t("common.cancel")}
            onConfirm={() => remove.mutate({ departmentId: department.id }, { onSuccess: () => onChanged(t("org.departments.saved")), onError })}
          />
        </div>
      </form>
    </li>
  );
}

/** The organization's departments: add, rename, describe, delete. */
export function DepartmentsManager({ initial }: { initial: Department[] }) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const queryClient = useQueryClient();
  const list = useQuery({ ...trpc.org.departments.queryOptions(), initialData: initial });
  const create = useMutation(trpc.org.createDepartment.mutationOptions());
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [status, setStatus] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.org.departments.queryKey() });
  const onChanged = (text: string) => {
    setStatus({ tone: "success", text });
    void refresh();
  };
  const onError = (e: unknown) => setStatus({ tone: "danger", text: orgErrorMessage(e, t) });

  return (
    <div className="flex flex-col gap-4">
      <div aria-live="polite">{status ? <Alert tone={status.tone}>{status.text}</Alert> : null}</div>
      {list.data.length === 0 ? (
        <EmptyState icon={Building2} title={t("org.departments.empty")} />
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200">
          {list.data.map((d) => (
            <DepartmentRow key={`${d.id}-${d.name}-${d.description}`} department={d} onChanged={onChanged} onError={onError} />
          ))}
        </ul>
      )}
      <form
        className="grid gap-3 border-t border-slate-200 pt-4 sm:grid-cols-[1fr_2fr_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { name, description },
            {
              onSuccess: (d) => {
                setName("");
                setDescription("");
                onChanged(d.name);
              },
              onError,
            },
          );
        }}
      >
        <Field label={t("org.departments.name")} htmlFor={`${id}-name`}>
          <Input id={`${id}-name`} value={name} required maxLength={80} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t("org.departments.description")} htmlFor={`${id}-description`}>
          <Input id={`${id}-description`} value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? <Spinner /> : <Plus aria-hidden />}
          {create.isPending ? t("org.departments.adding") : t("org.departments.add")}
        </Button>
      </form>
    </div>
  );
}
