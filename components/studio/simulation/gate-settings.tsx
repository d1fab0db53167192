"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Gate = RouterOutputs["simulationRun"]["gate"];

function GateForm({ gate }: { gate: Gate }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [form, setForm] = useState({ gateEnabled: gate.gateEnabled, minScore: gate.minScore, requireCrisisEscalation: gate.requireCrisisEscalation });
  const save = useMutation(trpc.simulationRun.updateGate.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.simulationRun.gate.queryKey() }) }));
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(form);
      }}
    >
      <label className="flex items-center gap-2 text-sm text-slate-900">
        <input type="checkbox" className="size-4" checked={form.gateEnabled} onChange={(e) => setForm({ ...form, gateEnabled: e.target.checked })} />
        {t("sim.gate.enabled")}
      </label>
      <Field label={t("sim.gate.minScore")} htmlFor={`${id}-min`} className="max-w-48">
        <Input id={`${id}-min`} type="number" min={0} max={100} value={form.minScore} onChange={(e) => setForm({ ...form, minScore: Number(e.target.value) })} />
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-900">
        <input type="checkbox" className="size-4" checked={form.requireCrisisEscalation} onChange={(e) => setForm({ ...form, requireCrisisEscalation: e.target.checked })} />
        {t("sim.gate.crisis")}
      </label>
      <div aria-live="polite">
        {save.isSuccess ? (
          <Alert tone="success" role="status">
            {t("sim.gate.saved")}
          </Alert>
        ) : null}
        {save.isError ? (
          <Alert tone="danger" role="alert">
            {t("sim.gate.error")} {save.error.message}
          </Alert>
        ) : null}
      </div>
      <div>
        <Button type="submit" size="sm" disabled={save.isPending}>
          {t("sim.gate.save")}
        </Button>
      </div>
    </form>
  );
}

/** The organization's publishing gate: what it requires, and (for admins) the form to change it. */
export function GateSettings() {
  const t = useT();
  const trpc = useTRPC();
  const gate = useQuery(trpc.simulationRun.gate.queryOptions());
  if (!gate.data) return null;
  const g = gate.data;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">{t("sim.gate.title")}</CardTitle>
        <CardDescription>{t("sim.gate.lead")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <p className="text-sm text-slate-800" data-testid="gate-summary">
          {g.gateEnabled ? t("sim.gate.summaryOn", { min: g.minScore, crisis: g.requireCrisisEscalation ? t("sim.gate.summaryCrisis") : "" }) : t("sim.gate.summaryOff")}
        </p>
        {g.canEdit ? <GateForm gate={g} /> : <p className="text-xs text-slate-600">{t("sim.gate.readOnly")}</p>}
      </CardContent>
    </Card>
  );
}
