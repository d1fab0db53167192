"use client";

import { useT } from "@/components/i18n/client";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { StudioDocument } from "./document-status";

export const SOURCE_KINDS = ["guideline", "journal", "textbook", "own_article", "other"] as const satisfies readonly NonNullable<StudioDocument["sourceKind"]>[];

export const PROVENANCE_FIELDS = ["sourceKind", "sourceName", "edition", "evidenceLevel", "reviewBy"] as const;
export type ProvenanceValues = Record<(typeof PROVENANCE_FIELDS)[number], string>;

/** The provenance fields of a form, as strings (blank = not stated). */
export function provenanceFromForm(data: FormData): ProvenanceValues {
  return Object.fromEntries(PROVENANCE_FIELDS.map((name) => [name, String(data.get(name) ?? "").trim()])) as ProvenanceValues;
}

type Provenance = Pick<StudioDocument, "sourceKind" | "sourceName" | "edition" | "evidenceLevel" | "reviewBy">;

/** Uncontrolled inputs named after the provenance fields, for the upload, paste and edit forms. */
export function ProvenanceFields({ idPrefix, defaults }: { idPrefix: string; defaults?: Provenance }) {
  const t = useT();
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label={t("knowledge.provenance.kind")} htmlFor={id("kind")}>
        <Select id={id("kind")} name="sourceKind" defaultValue={defaults?.sourceKind ?? ""}>
          <option value="">{t("knowledge.provenance.kind.none")}</option>
          {SOURCE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`knowledge.provenance.kind.${kind}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("knowledge.provenance.sourceName")} htmlFor={id("source")} hint={t("knowledge.provenance.sourceName.hint")}>
        <Input id={id("source")} name="sourceName" maxLength={120} defaultValue={defaults?.sourceName ?? ""} aria-describedby={`${id("source")}-hint`} />
      </Field>
      <Field label={t("knowledge.provenance.edition")} htmlFor={id("edition")}>
        <Input id={id("edition")} name="edition" maxLength={60} defaultValue={defaults?.edition ?? ""} />
      </Field>
      <Field label={t("knowledge.provenance.evidenceLevel")} htmlFor={id("evidence")} hint={t("knowledge.provenance.evidenceLevel.hint")}>
        <Input id={id("evidence")} name="evidenceLevel" maxLength={20} defaultValue={defaults?.evidenceLevel ?? ""} aria-describedby={`${id("evidence")}-hint`} />
      </Field>
      <Field label={t("knowledge.provenance.reviewBy")} htmlFor={id("review")} hint={t("knowledge.provenance.reviewBy.hint")} className="sm:col-span-2">
        <Input id={id("review")} name="reviewBy" type="date" defaultValue={defaults?.reviewBy ?? ""} aria-describedby={`${id("review")}-hint`} className="sm:max-w-56" />
      </Field>
    </div>
  );
}

/** A collapsible "Source details (optional)" section for the upload and paste forms. */
export function ProvenanceDetails({ idPrefix }: { idPrefix: string }) {
  const t = useT();
  return (
    <details className="rounded-lg border border-slate-200 px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("knowledge.provenance.legend")}</summary>
      <p className="mt-1 mb-3 text-xs text-slate-600">{t("knowledge.provenance.lead")}</p>
      <ProvenanceFields idPrefix={idPrefix} />
    </details>
  );
}

/** One line of what the document is: "Guideline · ESC · 2023 · Evidence 1A · Review by 2026-01-01". */
export function ProvenanceSummary({ document: doc }: { document: StudioDocument }) {
  const t = useT();
  const parts = [
    doc.sourceKind ? t(`knowledge.provenance.kind.${doc.sourceKind}`) : null,
    doc.sourceName,
    doc.edition,
    doc.evidenceLevel ? t("knowledge.provenance.evidence", { level: doc.evidenceLevel }) : null,
    doc.reviewBy ? t("knowledge.provenance.reviewByDate", { date: doc.reviewBy }) : null,
  ].filter((p): p is string => Boolean(p));
  return (
    <p className="text-xs text-slate-700" data-testid="provenance">
      {parts.length > 0 ? parts.join(" · ") : t("knowledge.provenance.none")}
    </p>
  );
}
