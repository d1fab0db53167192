"use client";

import { Plus, Trash2 } from "lucide-react";
import { useEffect, useRef } from "react";
import { useT } from "@/components/i18n/client";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { CRISIS_LIMITS as L } from "@/server/orgs/crisis-settings.limits";

export interface HotlineRow {
  /** Stable across edits and removals, so inputs, focus and errors stay with their line. */
  key: string;
  label: string;
  number: string;
}

export const hotlineInputId = (idPrefix: string, rowKey: string, part: "label" | "number") => `${idPrefix}-hotline-${rowKey}-${part}`;
export const hotlineAddId = (idPrefix: string) => `${idPrefix}-hotline-add`;

/** The hospital's own lines: add, edit and remove, up to the schema's limit. */
export function HotlineListEditor({
  idPrefix,
  rows,
  errorOf,
  onChange,
}: {
  idPrefix: string;
  rows: HotlineRow[];
  errorOf: (rowKey: string, part: "label" | "number") => string | undefined;
  onChange: (rows: HotlineRow[]) => void;
}) {
  const t = useT();
  const addId = hotlineAddId(idPrefix);
  const added = useRef(0);
  const focusAfterRender = useRef<string | null>(null);

  useEffect(() => {
    if (!focusAfterRender.current) return;
    document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  });

  function add() {
    const key = `new-${added.current++}`;
    focusAfterRender.current = hotlineInputId(idPrefix, key, "label");
    onChange([...rows, { key, label: "", number: "" }]);
  }

  function remove(rowKey: string) {
    // The removed line's button is gone; "Add a line" is always there (and enabled again after a removal).
    focusAfterRender.current = addId;
    onChange(rows.filter((r) => r.key !== rowKey));
  }

  const update = (rowKey: string, patch: Partial<HotlineRow>) => onChange(rows.map((r) => (r.key === rowKey ? { ...r, ...patch } : r)));

  return (
    <div className="flex flex-col gap-3">
      {rows.length === 0 ? <p className="text-sm text-slate-700">{t("settings.crisis.hotlines.empty")}</p> : null}
      {rows.length > 0 ? (
        <ol className="flex flex-col gap-3">
          {rows.map((row, index) => {
            const n = index + 1;
            const labelId = hotlineInputId(idPrefix, row.key, "label");
            const numberId = hotlineInputId(idPrefix, row.key, "number");
            const [labelError, numberError] = [errorOf(row.key, "label"), errorOf(row.key, "number")];
            return (
              <li key={row.key}>
                <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3 sm:flex-row sm:items-start">
                  <legend className="px-1 text-sm font-semibold text-slate-800">{t("settings.crisis.hotlines.line", { n })}</legend>
                  <Field label={t("settings.crisis.hotlines.label")} htmlFor={labelId} error={labelError} className="sm:flex-1">
                    <Input
                      id={labelId}
                      value={row.label}
                      onChange={(event) => update(row.key, { label: event.target.value })}
                      maxLength={L.hotlineLabelMax}
                      aria-invalid={labelError ? true : undefined}
                      aria-describedby={describedBy(labelId, { error: Boolean(labelError) })}
                    />
                  </Field>
                  <Field label={t("settings.crisis.hotlines.number")} htmlFor={numberId} error={numberError} className="sm:w-48">
                    <Input
                      id={numberId}
                      type="tel"
                      value={row.number}
                      onChange={(event) => update(row.key, { number: event.target.value })}
                      autoComplete="off"
                      aria-invalid={numberError ? true : undefined}
                      aria-describedby={describedBy(numberId, { error: Boolean(numberError) })}
                    />
                  </Field>
                  <Button
                    variant="ghost"
                    onClick={() => remove(row.key)}
                    aria-label={t("settings.crisis.hotlines.removeLine", { n })}
                    className="self-start text-crisis-700 hover:text-crisis-700 sm:mt-6"
                  >
                    <Trash2 aria-hidden />
                    {t("settings.crisis.hotlines.remove")}
                  </Button>
                </fieldset>
              </li>
            );
          })}
        </ol>
      ) : null}
      <div>
        <Button id={addId} variant="secondary" onClick={add} disabled={rows.length >= L.extraHotlinesMax}>
          <Plus aria-hidden />
          {t("settings.crisis.hotlines.add")}
        </Button>
      </div>
    </div>
  );
}
