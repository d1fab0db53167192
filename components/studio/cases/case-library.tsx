"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Archive, ArchiveRestore, Download, Library, Pencil, Plus, Sparkles, Trash2 } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { CaseImportPanel } from "./case-import-panel";
import { downloadJson } from "./download-json";

type CaseRow = RouterOutputs["cases"]["list"][number];

/** The organization's virtual patients: filter, add the starter library, import, export, archive. */
export function CaseLibrary({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [specialty, setSpecialty] = useState("");
  const [language, setLanguage] = useState<"" | "en" | "zh-CN">("");
  const [crisis, setCrisis] = useState<"" | "yes" | "no">("");
  const [archived, setArchived] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const filter = {
    specialty: specialty || undefined,
    language: language || undefined,
    crisis: crisis === "" ? undefined : crisis === "yes",
    archived,
  };
  const cases = useQuery(trpc.cases.list.queryOptions(filter));
  const specialties = useQuery(trpc.cases.specialties.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
  const onError = (e: { message: string }) => setFailure(e.message);

  const addStarters = useMutation(
    trpc.cases.addStarters.mutationOptions({
      onSuccess: (r) => {
        setFailure(null);
        setNotice(r.added > 0 ? t("cases.addStarters.done", { added: r.added, total: r.total }) : t("cases.addStarters.none"));
        void refresh();
      },
      onError,
    }),
  );
  const archive = useMutation(trpc.cases.archive.mutationOptions({ onSuccess: () => void refresh(), onError }));
  const remove = useMutation(trpc.cases.delete.mutationOptions({ onSuccess: () => void refresh(), onError }));

  async function exportCases(caseIds: string[] | undefined, fileName: string) {
    try {
      const file = await queryClient.fetchQuery(trpc.cases.export.queryOptions({ caseIds }));
      downloadJson(fileName, file);
    } catch (e) {
      onError(e instanceof Error ? e : { message: String(e) });
    }
  }

  const filtered = Boolean(specialty || language || crisis || archived);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap gap-2">
        {canEdit ? (
          <>
            <Button asChild>
              <Link href="/studio/cases/new">
                <Plus aria-hidden />
                {t("cases.new")}
              </Link>
            </Button>
            <Button variant="secondary" onClick={() => addStarters.mutate()} disabled={addStarters.isPending}>
              <Sparkles aria-hidden />
              {t("cases.addStarters")}
            </Button>
          </>
        ) : null}
        <Button variant="secondary" onClick={() => void exportCases(undefined, "fenshen-cases.json")}>
          <Download aria-hidden />
          {t("cases.exportLibrary")}
        </Button>
      </div>
      {canEdit ? null : <Alert tone="info">{t("cases.readOnly")}</Alert>}
      {notice ? (
        <Alert tone="success" role="status">
          {notice}
        </Alert>
      ) : null}
      {failure ? (
        <Alert tone="danger" role="alert">
          {failure}
        </Alert>
      ) : null}

      <section aria-labelledby={`${id}-filters`} className="flex flex-col gap-3">
        <h2 id={`${id}-filters`} className="sr-only">
          {t("cases.filters")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-4 sm:items-end">
          <Field label={t("cases.filter.specialty")} htmlFor={`${id}-specialty`}>
            <Select id={`${id}-specialty`} value={specialty} onChange={(e) => setSpecialty(e.target.value)}>
              <option value="">{t("cases.filter.all")}</option>
              {(specialties.data ?? []).map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("cases.filter.language")} htmlFor={`${id}-language`}>
            <Select id={`${id}-language`} value={language} onChange={(e) => setLanguage(e.target.value as typeof language)}>
              <option value="">{t("cases.filter.all")}</option>
              <option value="en">{t("cases.language.en")}</option>
              <option value="zh-CN">{t("cases.language.zh-CN")}</option>
            </Select>
          </Field>
          <Field label={t("cases.filter.crisis")} htmlFor={`${id}-crisis`}>
            <Select id={`${id}-crisis`} value={crisis} onChange={(e) => setCrisis(e.target.value as typeof crisis)}>
              <option value="">{t("cases.filter.all")}</option>
              <option value="yes">{t("cases.filter.crisisOnly")}</option>
              <option value="no">{t("cases.filter.nonCrisis")}</option>
            </Select>
          </Field>
          <label htmlFor={`${id}-archived`} className="flex min-h-11 cursor-pointer items-center gap-2 text-sm text-slate-800">
            <input id={`${id}-archived`} type="checkbox" className="size-5 accent-brand-600" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
            {t("cases.filter.archived")}
          </label>
        </div>
      </section>

      <section aria-labelledby={`${id}-list`} className="flex flex-col gap-3">
        <h2 id={`${id}-list`} className="text-lg font-semibold text-slate-900">
          {cases.data ? t("cases.count", { count: cases.data.length }) : t("cases.title")}
        </h2>
        {cases.isPending ? (
          <Spinner label={t("common.loading")} />
        ) : cases.isError ? (
          <Alert tone="danger" role="alert">
            {cases.error.message}
          </Alert>
        ) : cases.data.length === 0 ? (
          filtered ? (
            <EmptyState icon={Library} title={t("cases.empty.filtered")} />
          ) : (
            <EmptyState icon={Library} title={t("cases.empty.title")} description={t("cases.empty.body")} />
          )
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white" data-testid="case-list">
            {cases.data.map((row) => (
              <CaseItem
                key={row.id}
                row={row}
                canEdit={canEdit}
                onExport={() => void exportCases([row.id], `case-${row.id.slice(0, 8)}.json`)}
                onArchive={() => archive.mutate({ caseId: row.id, archived: !row.archived })}
                onDelete={() => remove.mutate({ caseId: row.id })}
              />
            ))}
          </ul>
        )}
      </section>

      {canEdit ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("cases.import.title")}</CardTitle>
            <CardDescription>{t("cases.import.lead")}</CardDescription>
          </CardHeader>
          <CardContent>
            <CaseImportPanel />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}

function CaseItem({ row, canEdit, onExport, onArchive, onDelete }: { row: CaseRow; canEdit: boolean; onExport: () => void; onArchive: () => void; onDelete: () => void }) {
  const t = useT();
  const c = row.card;
  return (
    <li className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center" data-testid="case-item">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          {canEdit ? (
            <Link href={`/studio/cases/${row.id}`} className="font-medium text-slate-900 underline-offset-4 hover:underline">
              {c.name}
            </Link>
          ) : (
            <span className="font-medium text-slate-900">{c.name}</span>
          )}
          <span className="text-sm text-slate-700">{t("cases.patientLine", { age: c.age, sex: t(`cases.sex.${c.sex}`) })}</span>
          {c.crisis ? <Badge tone="danger">{t("cases.badge.crisis")}</Badge> : null}
          {row.archived ? <Badge tone="warning">{t("cases.badge.archived")}</Badge> : null}
        </div>
        <p className="mt-0.5 text-sm text-slate-700">{c.chiefComplaint}</p>
        <div className="mt-1 flex flex-wrap gap-1.5">
          <Badge tone="brand">{t(`cases.language.${c.language}`)}</Badge>
          {c.specialty ? <Badge>{c.specialty}</Badge> : null}
          <Badge>{t(`cases.source.${row.source}`)}</Badge>
        </div>
      </div>
      <div className="flex flex-wrap gap-1">
        {canEdit ? (
          <Button asChild variant="ghost" size="sm">
            <Link href={`/studio/cases/${row.id}`} aria-label={`${t("cases.edit")}: ${c.name}`}>
              <Pencil aria-hidden />
              {t("cases.edit")}
            </Link>
          </Button>
        ) : null}
        <Button variant="ghost" size="sm" onClick={onExport} aria-label={`${t("cases.export")}: ${c.name}`}>
          <Download aria-hidden />
          {t("cases.export")}
        </Button>
        {canEdit ? (
          <Button variant="ghost" size="sm" onClick={onArchive} aria-label={`${row.archived ? t("cases.restore") : t("cases.archive")}: ${c.name}`}>
            {row.archived ? <ArchiveRestore aria-hidden /> : <Archive aria-hidden />}
            {row.archived ? t("cases.restore") : t("cases.archive")}
          </Button>
        ) : null}
        {canEdit && row.archived ? (
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="sm" aria-label={`${t("cases.delete")}: ${c.name}`}>
                <Trash2 aria-hidden />
                {t("cases.delete")}
              </Button>
            }
            title={t("cases.delete.title", { name: c.name })}
            description={t("cases.delete.body")}
            confirmLabel={t("cases.delete")}
            cancelLabel={t("common.cancel")}
            onConfirm={onDelete}
          />
        ) : null}
      </div>
    </li>
  );
}
